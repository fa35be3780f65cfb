using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.History;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// The history part of a report for one assessment: the tenant's runs up to that assessment (a
    /// report is "as of" its run, so later runs are left out), the assessment's own run record when
    /// it was recorded, and the review agenda when a plan is stored. An assessment that was never
    /// recorded still ends the burn-down, marked as not in the history (no provenance is invented).
    /// </summary>
    public static class ReportHistoryBuilder
    {
        public const string UnrecordedRunId = "(this report, not recorded)";

        public static ReportHistory Build(
            HistoryContents contents,
            AssessmentReport assessment,
            RemediationPlan? plan,
            DateTimeOffset reviewOn,
            string location)
        {
            var tenantRuns = contents.Runs
                .Where(d => string.Equals(d.Run.TenantId, assessment.TenantId, StringComparison.OrdinalIgnoreCase)
                    && d.Report.CompletedOn <= assessment.CompletedOn)
                .ToList();
            var own = tenantRuns.LastOrDefault(d =>
                d.Report.StartedOn == assessment.StartedOn && d.Report.CompletedOn == assessment.CompletedOn);
            if (own == null)
            {
                tenantRuns.Add(new HistoryDocument
                {
                    Run = new HistoryRun
                    {
                        RunId = UnrecordedRunId,
                        TenantId = assessment.TenantId,
                        StartedOn = assessment.StartedOn,
                        CompletedOn = assessment.CompletedOn,
                    },
                    Report = assessment,
                });
            }

            var reports = tenantRuns.Select(d => d.Report).ToList();
            return new ReportHistory
            {
                Location = location,
                Provenance = own?.Run,
                Progress = HistoryViews.Progress(tenantRuns, null, plan),
                Agenda = plan == null ? null : ReviewPlanner.Build(reports, plan, reviewOn),
                Skipped = contents.Problems,
            };
        }
    }
}
