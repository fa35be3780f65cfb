using System;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Commands.History
{
    /// <summary>
    /// Get-FastTrackHistory: the recorded runs of a tenant with their provenance, or (-Progress) the
    /// progress view across them. A document that cannot be read is a non-terminating error naming it;
    /// it is skipped and left in place.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FastTrackHistory", DefaultParameterSetName = RunsSet)]
    [OutputType(typeof(HistoryRun), ParameterSetName = new[] { RunsSet })]
    [OutputType(typeof(HistoryProgress), ParameterSetName = new[] { ProgressSet })]
    [OutputType(typeof(ReviewAgenda), ParameterSetName = new[] { ReviewSet })]
    public sealed class GetFastTrackHistoryCommand : ConnectedCmdlet
    {
        private const string RunsSet = "Runs";
        private const string ProgressSet = "Progress";
        private const string ReviewSet = "Review";

        /// <summary>The history: a folder or a blob container URL. Default: Set-FastTrackHistoryDefault's location.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        /// <summary>The tenant whose runs to read. Default: the connected
        /// tenant; with no connection, every tenant in the history.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        /// <summary>The progress view: burn-down, resolved/new/regressed since the last review, velocity and projection.</summary>
        [Parameter(ParameterSetName = ProgressSet, Mandatory = true)]
        public SwitchParameter Progress { get; set; }

        /// <summary>The last review: compare the latest run with the last run at
        /// or before this time. Default: the run before the latest.</summary>
        [Parameter(ParameterSetName = ProgressSet)]
        public DateTimeOffset? Since { get; set; }

        /// <summary>The review call: what fell due since the previous one, what slipped, and the agenda
        /// (overdue and newly failing first). Needs a plan (Set-FastTrackRemediationPlan).</summary>
        [Parameter(ParameterSetName = ReviewSet, Mandatory = true)]
        public SwitchParameter Review { get; set; }

        /// <summary>The date of the review call. Default: now.</summary>
        [Parameter(ParameterSetName = ReviewSet)]
        public DateTimeOffset? ReviewOn { get; set; }

        protected override void ProcessRecord()
        {
            var connection = TryResolveConnection();
            var tenant = TenantId ?? connection?.TenantId;
            var store = Guard(() => HistoryAccess.Open(this, HistoryAccess.Require(HistoryPath), connection));
            var contents = RunEngine((log, ct) => HistoryReader.ReadAsync(store, tenant, ct));
            foreach (var problem in contents.Problems)
            {
                WriteError(HistoryAccess.Problem(problem));
            }

            WriteVerboseSafely($"{contents.Runs.Count} run(s) read from "
                + $"{store.DisplayLocation}; {contents.Problems.Count} document(s) skipped.");
            if (ParameterSetName == RunsSet)
            {
                foreach (var document in contents.Runs)
                {
                    WriteObject(document.Run);
                }

                return;
            }

            foreach (var tenantRuns in contents.Runs.GroupBy(d => d.Run.TenantId, StringComparer.OrdinalIgnoreCase))
            {
                if (ParameterSetName == ReviewSet)
                {
                    var agreed = Guard(() => HistoryAccess.RequirePlan(this, store, tenantRuns.Key));
                    WriteObject(ReviewPlanner.Build(tenantRuns.Select(d => d.Report).ToList(), agreed, ReviewOn ?? DateTimeOffset.UtcNow));
                    continue;
                }

                var plan = RunEngine((log, ct) => RemediationPlanStore.ReadAsync(store, tenantRuns.Key, ct));
                WriteObject(HistoryViews.Progress(tenantRuns.ToList(), Since, plan));
            }
        }

        private T Guard<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (Model.Errors.FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
                throw;
            }
        }
    }
}
