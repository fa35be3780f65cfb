using System.Management.Automation;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Commands.History
{
    /// <summary>Get-FastTrackException: the risk acceptances kept with a tenant's history, or those of a YAML file (-Path).</summary>
    [Cmdlet(VerbsCommon.Get, "FastTrackException", DefaultParameterSetName = HistorySet)]
    [OutputType(typeof(RiskAcceptance))]
    public sealed class GetFastTrackExceptionCommand : ConnectedCmdlet
    {
        private const string HistorySet = "History";
        private const string FileSet = "File";

        [Parameter(ParameterSetName = HistorySet)]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        [Parameter(ParameterSetName = HistorySet)]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        /// <summary>An exceptions YAML file (as kept in a repository for CI).</summary>
        [Parameter(ParameterSetName = FileSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                if (ParameterSetName == FileSet)
                {
                    WriteObject(
                        RiskAcceptanceYaml.Load(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path)),
                        enumerateCollection: true);
                    return;
                }

                var connection = TryResolveConnection();
                var tenant = TenantId ?? connection?.TenantId ?? throw new FastTrackException(
                    ErrorIds.ExceptionInvalid,
                    FailureKind.InvalidArgument,
                    "No tenant whose exceptions to read.",
                    "Pass -TenantId, or connect with Connect-FastTrackTenant first.");
                var store = HistoryAccess.Open(this, HistoryAccess.Require(HistoryPath), connection);
                WriteObject(RunEngine((log, ct) => RiskAcceptanceStore.ReadAsync(store, tenant, ct)), enumerateCollection: true);
            }
            catch (FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
            }
        }
    }
}
