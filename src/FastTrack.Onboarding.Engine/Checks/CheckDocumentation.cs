using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FastTrack.Onboarding.Engine.Collection;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// docs/checks.md, rendered from the checks' own metadata: per check its guidance line, the Graph
    /// reads behind its datasets (request, least permission, licence) and its remediation plan; and per
    /// guidance line the checks that implement it. Nobody edits the page: a test regenerates and compares it.
    /// </summary>
    public static class CheckDocumentation
    {
        public const string RegenerateCommand =
            "FT_WRITE_DOCS=1 dotnet test tests/FastTrack.Onboarding.Engine.Tests "
                + "-c Release --filter FullyQualifiedName~CheckDocumentationTests";

        public static string Render(IReadOnlyList<CheckDefinition> checks)
        {
            var text = new StringBuilder();
            text.Append("# Checks: guidance, Graph reads and remediation\n\n");
            text.Append("Generated from each check's metadata (`src/FastTrack.Onboarding.Engine/Checks/<Phase>/<Service>/`) by\n");
            text.Append("`CheckDocumentation`; do not edit by hand. After adding or changing a check, regenerate it:\n\n");
            text.Append("```\n").Append(RegenerateCommand).Append("\n```\n\n");
            text.Append($"{checks.Count} checks. A check reads only the datasets "
                + "listed; a needed dataset that was not read makes the check\n");
            text.Append("NotAssessed with that read's reason, an optional one is named in the evidence when it was not read.\n");
            foreach (var phase in checks.GroupBy(c => c.Phase).OrderBy(g => g.Key))
            {
                text.Append($"\n## {phase.Key} phase\n\n### Guidance lines\n\n| Guidance line | Checks |\n|---|---|\n");
                foreach (var line in phase.GroupBy(c => c.Guidance).OrderBy(g => g.Min(c => c.Id), StringComparer.Ordinal))
                {
                    text.Append($"| {Cell(line.Key)} | "
                        + $"{string.Join(", ", line.Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal))} |\n");
                }

                foreach (var check in phase.OrderBy(c => c.Id, StringComparer.Ordinal))
                {
                    Check(text, check);
                }
            }

            return text.ToString();
        }

        private static void Check(StringBuilder text, CheckDefinition check)
        {
            text.Append($"\n### {check.Id}: {check.Title}\n\n");
            text.Append($"- Service and area: {check.Service}, {check.Area.Display()}\n");
            text.Append($"- Guidance: {check.Guidance}\n");
            Reads(text, "Needs", check.Needs);
            Reads(text, "Optional", check.Optional);
            if (check.Needs.Count == 0 && check.Optional.Count == 0)
            {
                text.Append("- Graph reads: none (no Graph API; assessed from another cmdlet's result or a manual step)\n");
            }

            if (check.Metadata.License != null)
            {
                text.Append($"- Licence: {check.Metadata.License}\n");
            }

            var plan = check.Remediation;
            var effort = plan.EffortDays is int days ? $"{days} working day(s)" : "3 working days if NotConfigured, else 2";
            var after = plan.DependsOn.Count == 0 ? string.Empty : $"; after {string.Join(", ", plan.DependsOn)}";
            var priority = plan.Priority is { } p ? $"; priority {p}" : string.Empty;
            text.Append($"- Remediation: {plan.Owner}, {effort}{after}{priority}\n");
            if (check.LearnMoreUrl != null)
            {
                text.Append($"- Learn more: {check.LearnMoreUrl}\n");
            }
        }

        private static void Reads(StringBuilder text, string label, IReadOnlyList<string> datasetIds)
        {
            foreach (var id in datasetIds)
            {
                var d = DatasetCatalog.Get(id);
                var app = d.Permission.Least(delegated: false) ?? "not app-only";
                var delegated = d.Permission.Least(delegated: true) ?? "not delegated";
                var licence = d.License is null ? string.Empty : $"; licence {d.License}";
                text.Append($"- {label}: `{id}`: `{Cell(d.Describe())}` (application {app}; delegated {delegated}{licence})\n");
            }
        }

        private static string Cell(string value) => value.Replace("|", "\\|").Replace("\n", " ");
    }
}
