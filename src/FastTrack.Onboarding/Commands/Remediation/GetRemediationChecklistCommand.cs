using System;
using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Commands.Remediation
{
    /// <summary>
    /// Get-RemediationChecklist: every NotConfigured, Partial and NotAssessed item of an assessment as a
    /// task with priority, owner, effort, dependencies and dates scheduled from -StartDate.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RemediationChecklist", DefaultParameterSetName = AssessmentSet)]
    [OutputType(typeof(RemediationTask))]
    public sealed class GetRemediationChecklistCommand : FastTrackCmdlet
    {
        private const string AssessmentSet = "Assessment";
        private const string ResultSet = "Result";
        private readonly List<CheckResult> _results = new List<CheckResult>();

        /// <summary>An assessment from Invoke-FastTrackAssessment (or Get-AssessPhaseStatus -PassThru).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = AssessmentSet)]
        public AssessmentReport[]? Assessment { get; set; }

        /// <summary>Check results, as Get-InitiatePhaseStatus and Get-AssessPhaseStatus write them.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ResultSet)]
        public CheckResult[]? Result { get; set; }

        /// <summary>The first working day of remediation (default: today).</summary>
        [Parameter]
        public DateTime StartDate { get; set; } = DateTime.Today;

        /// <summary>The history with the remediation plan (Set-FastTrackRemediationPlan):
        /// each task gains its owner and the agreed date.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        /// <summary>With -HistoryPath and results (not an assessment): the tenant whose plan to use.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        private string? _tenantFromAssessment;

        protected override void ProcessRecord()
        {
            foreach (var report in Assessment ?? new AssessmentReport[0])
            {
                _results.AddRange(report.Results);
                _tenantFromAssessment ??= report.TenantId;
            }

            _results.AddRange(Result ?? new CheckResult[0]);
        }

        protected override void EndProcessing()
        {
            // Accepted risks leave the checklist: filtered here, before the planner, which knows nothing of them.
            var tasks = RemediationChecklist.Build(Engine.History.RiskAcceptances.WithoutAccepted(_results), StartDate);
            if (HistoryPath != null)
            {
                tasks = ChecklistPlan.Apply(this, tasks, HistoryPath, TenantId ?? _tenantFromAssessment);
            }

            WriteVerboseSafely($"{tasks.Count} tasks from {_results.Count} results, starting {StartDate:yyyy-MM-dd}.");
            WriteObject(tasks, enumerateCollection: true);
        }
    }
}
