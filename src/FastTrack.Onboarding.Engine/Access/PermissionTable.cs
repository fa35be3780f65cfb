using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Model.Permissions;

namespace FastTrack.Onboarding.Engine.Access
{
    /// <summary>
    /// The README's "Permissions to grant" table, rendered from the same analysis Test-FastTrackPermission
    /// runs over every check: one row per permission of the least-privileged application or delegated set,
    /// with the Graph reads it allows and the checks that need it. A test keeps the README equal to this.
    /// </summary>
    public static class PermissionTable
    {
        public static string Render(IReadOnlyList<CheckDefinition> checks)
        {
            var application = PermissionAnalysis.Analyze(checks, Array.Empty<string>(), PermissionType.Application);
            var delegated = PermissionAnalysis.Analyze(checks, Array.Empty<string>(), PermissionType.Delegated);
            var rows = application.Requirements.Where(r => r.State != PermissionState.NotSupported)
                .Concat(delegated.Requirements.Where(r => r.State != PermissionState.NotSupported))
                .GroupBy(r => r.Permission, StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);

            var text = new StringBuilder();
            text.Append("| Permission | Grant as | Graph reads | Checks that need it |\n|---|---|---|---|\n");
            foreach (var row in rows)
            {
                var kinds = string.Join(", ", row.Select(r => r.PermissionType.ToString()).Distinct());
                var reads = row.SelectMany(r => r.GraphReads).Distinct().OrderBy(r => r, StringComparer.Ordinal);
                var needed = row.SelectMany(r => r.RequiredBy).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
                text.Append("| `").Append(row.Key).Append("` | ").Append(kinds).Append(" | ")
                    .Append(string.Join("<br>", reads.Select(r => "`" + r + "`"))).Append(" | ")
                    .Append(needed.Count == 0 ? "none (extra evidence only)" : string.Join(", ", needed)).Append(" |\n");
            }

            return text.ToString();
        }
    }
}
