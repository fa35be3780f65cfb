using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Invoke-FastTrackAssessment's risk acceptances: those kept with the history and those of -ExceptionPath
    /// (YAML, loaded before collecting so a bad file fails at once), marked on the assessment; each lapsed
    /// acceptance (expired, evidence changed) is a warning, the item being back.
    /// </summary>
    internal sealed class AcceptanceApplication
    {
        private readonly IReadOnlyList<RiskAcceptance> _fromFile;

        private AcceptanceApplication(IReadOnlyList<RiskAcceptance> fromFile)
        {
            _fromFile = fromFile;
        }

        internal static AcceptanceApplication Load(FastTrackCmdlet cmdlet, string? exceptionPath) =>
            new AcceptanceApplication(exceptionPath == null ? Array.Empty<RiskAcceptance>()
                : RiskAcceptanceYaml.Load(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(exceptionPath)));

        internal AssessmentOutcome Apply(FastTrackCmdlet cmdlet, AssessmentOutcome outcome, IHistoryStore? history, Action<string> warn)
        {
            var kept = history == null ? Array.Empty<RiskAcceptance>()
                : cmdlet.RunEngine((log, ct) => RiskAcceptanceStore.ReadAsync(history, outcome.Report.TenantId, ct));
            var all = kept.Concat(_fromFile).ToList();
            if (all.Count == 0)
            {
                return outcome;
            }

            var (report, lapsed) = RiskAcceptances.Apply(outcome.Report, all, DateTimeOffset.UtcNow);
            foreach (var l in lapsed)
            {
                warn($"The exception for {l.Acceptance.CheckId} ({l.Acceptance.Owner}: "
                    + $"{l.Acceptance.Reason}) no longer holds: {l.Why}. The item counts as open again.");
            }

            return outcome with { Report = report };
        }
    }
}
