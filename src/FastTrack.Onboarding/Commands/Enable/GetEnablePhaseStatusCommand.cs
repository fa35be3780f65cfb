using System;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.PipeBinds;

namespace FastTrack.Onboarding.Commands.Enable
{
    /// <summary>
    /// Get-EnablePhaseStatus: every Enable item of the FastTrack guidance for the chosen services,
    /// as CheckResult objects with evidence read from the tenant (or from a saved snapshot).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EnablePhaseStatus", DefaultParameterSetName = LiveSet)]
    [OutputType(typeof(CheckResult))]
    public sealed class GetEnablePhaseStatusCommand : TenantDataCmdlet
    {
        /// <summary>Enable-phase services to cover; all four when omitted.</summary>
        [Parameter(Position = 0)]
        [ValidateSet(
            nameof(FastTrackService.Tenant),
            nameof(FastTrackService.AzureADPremium),
            nameof(FastTrackService.AzureADPremiumHybrid),
            nameof(FastTrackService.Intune),
            IgnoreCase = true)]
        public FastTrackService[]? Service { get; set; }

        /// <summary>Do not read beta (preview) APIs; the items that need them become NotAssessed/PreviewApiDisabled.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter NoPreview { get; set; }

        /// <summary>The result of Test-FastTrackConnectivity (firewall ports and connectivity items).</summary>
        [Parameter]
        [Alias("Connectivity")]
        [ValidateNotNull]
        public ConnectivityResultPipeBind[]? ConnectivityResult { get; set; }

        /// <summary>The result of Test-FastTrackDns (DNS for eligible services).</summary>
        [Parameter]
        [ValidateNotNull]
        public DnsResultPipeBind[]? DnsResult { get; set; }

        /// <summary>Read every row of the registration report (SSPR/MFA shares exact); about 2 s per 1,000 users.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter FullRegistrationReport { get; set; }

        internal override CollectionOptions Options => new CollectionOptions
        {
            IncludePreview = !NoPreview,
            FullRegistrationReport = FullRegistrationReport,
            RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
        };

        protected override void ProcessRecord()
        {
            var selection = new CheckSelection
            {
                Phases = new[] { FastTrackPhase.Enable },
                Services = Service ?? Array.Empty<FastTrackService>(),
            };
            var inputs = Guard(() => CmdletInputs.Build(null, DnsResult, ConnectivityResult));
            var outcome = Assess(selection, inputs, "Enable phase");

            var coverage = outcome.Report.Coverage;
            WriteVerboseSafely($"{coverage.Assessed} of {coverage.Total} Enable items "
                + $"assessed with {outcome.Report.GraphRequests} Graph requests.");
            // The guidance's order: tenant, Azure AD Premium, Premium with Connect and AD FS, Intune.
            foreach (var result in outcome.Report.Results.Where(r => r.Phase == FastTrackPhase.Enable)
                .OrderBy(r => r.Service)
                .ThenBy(r => r.CheckId, StringComparer.Ordinal))
            {
                WriteObject(result);
            }
        }
    }
}
