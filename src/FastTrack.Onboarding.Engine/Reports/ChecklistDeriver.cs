using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// When no remediation checklist was given, a simple plan from the assessment so the timeline
    /// still says what to do in which order: every NotConfigured, Partial and NotAssessed item,
    /// phase by phase (FastTrack's order), worst first. Each phase starts when the one before ends;
    /// efforts are rough (3 days to configure, 2 to complete, 1 to unblock an assessment). The
    /// report labels this plan as derived.
    /// </summary>
    public static class ChecklistDeriver
    {
        public static IReadOnlyList<ReportChecklistTask> Derive(AssessmentReport assessment)
        {
            var start = new DateTimeOffset(assessment.CompletedOn.UtcDateTime.Date, TimeSpan.Zero);
            if (assessment.CompletedOn == default)
            {
                start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
            }

            var tasks = new List<ReportChecklistTask>();
            var phaseStart = start;
            foreach (var phase in assessment.Results.Where(IsOpen).GroupBy(r => r.Phase).OrderBy(g => g.Key))
            {
                var phaseEnd = phaseStart;
                foreach (var result in phase.OrderBy(r => Severity(r.Status)).ThenBy(r => r.CheckId, StringComparer.Ordinal))
                {
                    var due = phaseStart.AddDays(EffortDays(result.Status));
                    tasks.Add(new ReportChecklistTask
                    {
                        Order = tasks.Count + 1,
                        Id = result.CheckId,
                        CheckId = result.CheckId,
                        Title = result.Status == CheckStatus.NotAssessed ? "Assess: " + result.Title : result.Title,
                        Phase = result.Phase.ToString(),
                        Priority = result.Status == CheckStatus.NotConfigured ? "High" : result.Status == CheckStatus.Partial ? "Medium" : "Low",
                        Effort = EffortDays(result.Status) + "d",
                        Status = "Open",
                        StartDate = phaseStart,
                        DueDate = due,
                    });
                    phaseEnd = due > phaseEnd ? due : phaseEnd;
                }

                phaseStart = phaseEnd;
            }

            return tasks;
        }

        private static bool IsOpen(CheckResult result) =>
            result.Status == CheckStatus.NotConfigured || result.Status == CheckStatus.Partial || result.Status == CheckStatus.NotAssessed;

        private static int Severity(CheckStatus status) => status == CheckStatus.NotConfigured ? 0 : status == CheckStatus.Partial ? 1 : 2;

        private static int EffortDays(CheckStatus status) => status == CheckStatus.NotConfigured ? 3 : status == CheckStatus.Partial ? 2 : 1;
    }
}
