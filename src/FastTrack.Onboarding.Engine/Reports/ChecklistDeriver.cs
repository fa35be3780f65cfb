using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// When no remediation checklist was given, the report still shows what to do in which order: the
    /// same plan Get-RemediationChecklist makes (<see cref="RemediationChecklist"/>: owners, efforts,
    /// dependencies, working days), started on the day the assessment completed. The report labels it
    /// as derived.
    /// </summary>
    public static class ChecklistDeriver
    {
        public static IReadOnlyList<ReportChecklistTask> Derive(AssessmentReport assessment)
        {
            var start = assessment.CompletedOn == default ? DateTime.UtcNow.Date : assessment.CompletedOn.UtcDateTime.Date;
            return RemediationChecklist.Build(assessment.Results, start).Select(ToReportTask).ToList();
        }

        /// <summary>A planned task as the report shows it (the shape Export-FastTrackReport reads from Get-RemediationChecklist).</summary>
        public static ReportChecklistTask ToReportTask(Model.Remediation.RemediationTask task) => new ReportChecklistTask
        {
            Order = task.Order,
            Id = task.CheckId,
            CheckId = task.CheckId,
            Title = task.Status == CheckStatus.NotAssessed ? "Assess: " + task.Title : task.Title,
            Phase = task.Phase.ToString(),
            Priority = task.Priority.ToString(),
            Owner = task.Owner.ToString(),
            Effort = task.EffortDays.ToString(CultureInfo.InvariantCulture) + "d",
            Status = "Open",
            DependsOn = task.DependsOn.ToList(),
            StartDate = new DateTimeOffset(DateTime.SpecifyKind(task.StartDate.Date, DateTimeKind.Utc)),
            DueDate = new DateTimeOffset(DateTime.SpecifyKind(task.DueDate.Date, DateTimeKind.Utc)),
        };
    }
}
