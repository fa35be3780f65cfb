using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseChecks;

    /// <summary>FT-ASSESS-ADMIN-03: Between two and four Global Administrators.</summary>
    public sealed class GlobalAdministratorsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ADMIN-03",
            Title = "Between two and four Global Administrators",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Administration,
            Guidance = AdminOverview,
            Needs = new[] { DatasetIds.DirectoryRoleAssignments },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/role-based-access-control/best-practices",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, EffortDays = 1, DependsOn = Array.Empty<string>() },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var admins = context.Items(DatasetIds.DirectoryRoleAssignments)
                .Where(a => string.Equals(a.Text("roleDefinitionId"), GlobalAdministratorRoleTemplate,
                    StringComparison.OrdinalIgnoreCase) && (a.Text("directoryScopeId") ?? "/") == "/")
                .Select(a => a.Text("principalId")).Distinct().Count();
            var figures = new Dictionary<string, object?> { ["GlobalAdministrators"] = admins };
            if (admins >= 2 && admins <= 4)
            {
                return CheckVerdict.Configured($"{admins} principals hold Global Administrator.", figures);
            }

            return admins < 2
                ? CheckVerdict.Partial($"Only {admins} principal holds Global Administrator: losing that account locks the tenant.",
                    "Add a second Global Administrator (and a break-glass account excluded from Conditional Access).", figures)
                : CheckVerdict.Partial(
                    $"{admins} principals hold Global Administrator; Microsoft recommends fewer than five.",
                    "Move day-to-day admins to least-privileged roles (User, Exchange, Intune "
                        + "Administrator…) and make Global Administrator eligible through PIM.",
                    figures);
        }
    }
}
