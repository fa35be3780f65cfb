using System.Management.Automation;
using FastTrack.Onboarding.Completion;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Commands.History
{
    /// <summary>Remove-FastTrackException: ends a risk acceptance now; the item counts as open again from the next run.</summary>
    [Cmdlet(VerbsCommon.Remove, "FastTrackException", SupportsShouldProcess = true)]
    [OutputType(typeof(RiskAcceptance))]
    public sealed class RemoveFastTrackExceptionCommand : ConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[]? CheckId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        protected override void ProcessRecord()
        {
            var connection = TryResolveConnection();
            try
            {
                var tenant = TenantId ?? connection?.TenantId ?? throw new FastTrackException(
                    ErrorIds.ExceptionInvalid,
                    FailureKind.InvalidArgument,
                    "No tenant whose exception to remove.",
                    "Pass -TenantId, or connect with Connect-FastTrackTenant first.");
                var store = HistoryAccess.Open(this, HistoryAccess.Require(HistoryPath), connection);
                foreach (var id in CheckId!)
                {
                    if (!ShouldProcess($"{id} in {store.DisplayLocation}", "Remove the exception"))
                    {
                        continue;
                    }

                    var removed = RunEngine((log, ct) => RiskAcceptanceStore.RemoveAsync(store, tenant, id, ct));
                    if (removed == null)
                    {
                        WriteError(ErrorRecords.From(new FastTrackException(
                            ErrorIds.ExceptionNotFound,
                            FailureKind.ObjectNotFound,
                            $"There is no exception for {id} of tenant {tenant} in {store.DisplayLocation}.",
                            "List them with Get-FastTrackException.",
                            targetObject: id)));
                        continue;
                    }

                    WriteObject(removed);
                }
            }
            catch (FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
            }
        }
    }
}
