using System;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Completion;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Commands.History
{
    /// <summary>
    /// Set-FastTrackException: accepts an open item as it is, with a reason, an owner and an expiry, pinned to
    /// the evidence of the tenant's latest recorded run; kept with the history. It lapses at expiry or when
    /// that evidence changes.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "FastTrackException", SupportsShouldProcess = true)]
    [OutputType(typeof(RiskAcceptance))]
    public sealed class SetFastTrackExceptionCommand : ConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[]? CheckId { get; set; }

        /// <summary>Why the risk is accepted (shown in every report).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Reason { get; set; }

        /// <summary>Who accepted it and answers for it.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Owner { get; set; }

        /// <summary>When the acceptance ends and the item comes back.</summary>
        [Parameter(Mandatory = true)]
        public DateTimeOffset Expires { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        protected override void ProcessRecord()
        {
            var connection = TryResolveConnection();
            try
            {
                var tenant = TenantId ?? connection?.TenantId ?? throw Invalid(
                    "No tenant for the exception.",
                    "Pass -TenantId, or connect with Connect-FastTrackTenant first.");
                if (Expires <= DateTimeOffset.UtcNow)
                {
                    throw Invalid(
                        $"-Expires {Expires:yyyy-MM-dd} is not in the future.",
                        "Pass the date the acceptance must be reviewed by.");
                }

                var store = HistoryAccess.Open(this, HistoryAccess.Require(HistoryPath), connection);
                var contents = RunEngine((log, ct) => HistoryReader.ReadAsync(store, tenant, ct));
                var latestRun = contents.Runs.LastOrDefault()?.Report.Results;

                // Every id is checked before anything is written: one item that is not open refuses the whole call.
                var accepted = CheckId!.Select(id =>
                {
                    var latest = latestRun?.FirstOrDefault(r => string.Equals(r.CheckId, id, StringComparison.OrdinalIgnoreCase));
                    if (latest == null || !ProgressCalculator.IsOpen(latest.Status))
                    {
                        throw Invalid(
                            $"{id} is not open in the latest recorded run of tenant "
                                + $"{tenant}{(latest == null ? string.Empty : $" (it is {latest.Status})")}; there is nothing to accept.",
                            "Record a run first (Invoke-FastTrackAssessment -HistoryPath), then "
                                + "accept an item that run found NotConfigured or Partial.");
                    }

                    return new RiskAcceptance
                    {
                        TenantId = tenant,
                        CheckId = latest.CheckId,
                        Reason = Reason!,
                        Owner = Owner!,
                        Expires = Expires,
                        AcceptedOn = DateTimeOffset.UtcNow,
                        EvidenceHash = RiskAcceptances.EvidenceHash(latest),
                    };
                }).ToList();
                foreach (var acceptance in accepted)
                {
                    if (ShouldProcess($"{acceptance.CheckId} in {store.DisplayLocation}", $"Accept until {Expires:yyyy-MM-dd}"))
                    {
                        RunEngine((log, ct) => RiskAcceptanceStore.UpsertAsync(store, acceptance, ct));
                        WriteObject(acceptance);
                    }
                }
            }
            catch (FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
            }
        }

        private FastTrackException Invalid(string message, string action) =>
            new FastTrackException(
                ErrorIds.ExceptionInvalid,
                FailureKind.InvalidArgument,
                message,
                action,
                targetObject: string.Join(", ", CheckId ?? Array.Empty<string>()));
    }
}
