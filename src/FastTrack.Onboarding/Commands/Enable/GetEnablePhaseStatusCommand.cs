using System;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Commands.Enable
{
    /// <summary>
    /// Get-EnablePhaseStatus: every Enable item of the FastTrack guidance for the chosen services,
    /// as CheckResult objects with evidence read from the tenant (or from a saved snapshot).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EnablePhaseStatus", DefaultParameterSetName = LiveSet)]
    [OutputType(typeof(CheckResult))]
    public sealed class GetEnablePhaseStatusCommand : ConnectedCmdlet
    {
        private const string LiveSet = "Live";
        private const string SnapshotSet = "FromSnapshot";

        /// <summary>Enable-phase services to cover; all four when omitted.</summary>
        [Parameter(Position = 0)]
        [ValidateSet(nameof(FastTrackService.Tenant), nameof(FastTrackService.AzureADPremium), nameof(FastTrackService.AzureADPremiumHybrid), nameof(FastTrackService.Intune), IgnoreCase = true)]
        public FastTrackService[]? Service { get; set; }

        /// <summary>Do not read beta (preview) APIs; the items that need them become NotAssessed/PreviewApiDisabled.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter NoPreview { get; set; }

        /// <summary>Re-evaluate a snapshot saved by Invoke-FastTrackAssessment -SnapshotPath: no connection, no Graph request.</summary>
        [Parameter(ParameterSetName = SnapshotSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? FromSnapshot { get; set; }

        /// <summary>The result of Test-FastTrackConnectivity (firewall ports and connectivity items).</summary>
        [Parameter]
        [Alias("Connectivity")]
        public object[]? ConnectivityResult { get; set; }

        /// <summary>The result of Test-FastTrackDns (DNS for eligible services).</summary>
        [Parameter]
        public object[]? DnsResult { get; set; }

        /// <summary>Read every row of the registration report (SSPR/MFA shares exact); about 2 s per 1,000 users.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter FullRegistrationReport { get; set; }

        [Parameter(ParameterSetName = LiveSet)]
        [ValidateRange(5, 600)]
        public int RequestTimeoutSeconds { get; set; } = 60;

        protected override void ProcessRecord()
        {
            var selection = new CheckSelection
            {
                Phases = new[] { FastTrackPhase.Enable },
                Services = Service ?? Array.Empty<FastTrackService>(),
            };
            var inputs = CmdletInputs.Build(null, DnsResult, ConnectivityResult);

            AssessmentOutcome outcome;
            if (ParameterSetName == SnapshotSet)
            {
                var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(FromSnapshot);
                WriteVerboseSafely($"Evaluating the Enable phase from the snapshot {path}.");
                outcome = RunEngine((log, ct) => System.Threading.Tasks.Task.Run(() => AssessmentRunner.EvaluateOffline(SnapshotStore.Load(path), selection, inputs), ct));
            }
            else
            {
                var connection = ResolveConnection();
                var options = new CollectionOptions
                {
                    IncludePreview = !NoPreview,
                    FullRegistrationReport = FullRegistrationReport,
                    RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
                };
                outcome = RunEngine((log, ct) => AssessmentRunner.RunAsync(connection.Session, selection, options, inputs, log,
                    new ProgressAdapter(log, $"Enable phase of {connection.TenantName ?? connection.TenantId}"), ct));
            }

            var coverage = outcome.Report.Coverage;
            WriteVerboseSafely($"{coverage.Assessed} of {coverage.Total} Enable items assessed with {outcome.Report.GraphRequests} Graph requests.");
            // The guidance's order: tenant, Azure AD Premium, Premium with Connect and AD FS, Intune.
            foreach (var result in outcome.Report.Results.Where(r => r.Phase == FastTrackPhase.Enable).OrderBy(r => r.Service).ThenBy(r => r.CheckId, StringComparer.Ordinal))
            {
                WriteObject(result);
            }
        }
    }
}
