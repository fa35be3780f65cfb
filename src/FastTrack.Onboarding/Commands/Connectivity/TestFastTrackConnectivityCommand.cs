using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Commands.Connectivity
{
    /// <summary>
    /// Test-FastTrackConnectivity: probes this network's reach to the Microsoft 365 endpoints of the
    /// official endpoint web service (plus the maintained Intune list): DNS, TCP per port, TLS with
    /// interception check, proxy path, optionally Teams media UDP. Works with or without a tenant
    /// connection; connected, it takes the cloud and the tenant name from it.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "FastTrackConnectivity", DefaultParameterSetName = ResultsSet)]
    [OutputType(typeof(ConnectivityProbeResult), ParameterSetName = new[] { ResultsSet })]
    [OutputType(typeof(ConnectivitySummary), ParameterSetName = new[] { SummarySet })]
    [OutputType(typeof(ConnectivityReport), ParameterSetName = new[] { ReportSet })]
    public sealed class TestFastTrackConnectivityCommand : ConnectedCmdlet
    {
        private const string ResultsSet = "Results";
        private const string SummarySet = "Summary";
        private const string ReportSet = "Report";

        [Parameter]
        [ValidateSet("Common", "Exchange", "SharePoint", "Skype", "Intune", "Autopilot")]
        public string[] ServiceArea { get; set; } = Array.Empty<string>();

        /// <summary>Fills &lt;tenant&gt; in tenant-templated URLs; defaults to the connected tenant's initial domain prefix.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TenantName { get; set; }

        /// <summary>The endpoint instance; defaults to the connection's cloud (Global → Worldwide).</summary>
        [Parameter]
        public EndpointInstance? Instance { get; set; }

        /// <summary>host[:port] of the DNS server to ask; the system's resolvers when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DnsServer { get; set; }

        /// <summary>Per-stage timeout (DNS, TCP, TLS, HTTP each).</summary>
        [Parameter]
        [ValidateRange(1, 60)]
        public int TimeoutSeconds { get; set; } = 3;

        /// <summary>Probes in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = 32;

        /// <summary>The whole sweep ends by then; unfinished probes are NotTested, never passed.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int DeadlineSeconds { get; set; } = 60;

        /// <summary>Also send STUN binding requests to the Teams media relays (UDP 3478–3481).</summary>
        [Parameter]
        public SwitchParameter IncludeUdp { get; set; }

        /// <summary>Base URL of the endpoint web service (an air-gapped mirror).</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? EndpointServiceUri { get; set; }

        /// <summary>Send HTTP probes through this proxy instead of the system/environment proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>Probe directly even if a system/environment proxy is configured.</summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>PEM files of extra trusted roots (air-gapped mirrors). Adds trust; never disables validation.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[] TrustedRootCertificatePath { get; set; } = Array.Empty<string>();

        /// <summary>Issuer names to accept besides Microsoft's own (for example
        /// a sanctioned inspection CA you mean to report separately).</summary>
        [Parameter]
        [ValidateNotNull]
        public string[] ExpectedIssuer { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = SummarySet, Mandatory = true)]
        public SwitchParameter Summary { get; set; }

        [Parameter(ParameterSetName = ReportSet, Mandatory = true)]
        public SwitchParameter AsReport { get; set; }

        protected override void EndProcessing()
        {
            if (NoProxy && Proxy != null)
            {
                ThrowTerminatingError(ErrorRecords.From(new FastTrackException(
                    ErrorIds.ConnectivityProxyConflict,
                    FailureKind.InvalidArgument,
                    "-Proxy and -NoProxy contradict each other.",
                    "Pass one of them, or neither to use the system/environment proxy.")));
            }

            var connection = TryResolveConnection();
            var options = new ConnectivityTestOptions
            {
                ServiceBaseUri = EndpointServiceUri ?? new ConnectivityTestOptions().ServiceBaseUri,
                Instance = Instance ?? EndpointInstanceResolver.FromEnvironment(connection?.Environment.ToString()),
                TenantName = TenantName ?? EndpointInstanceResolver.TenantNameFromInitialDomain(connection?.InitialDomain),
                ServiceAreas = ServiceArea,
                DnsServer = DnsServer,
                StageTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
                Concurrency = ThrottleLimit,
                GlobalDeadline = TimeSpan.FromSeconds(DeadlineSeconds),
                IncludeUdp = IncludeUdp,
                AdditionalExpectedIssuers = ExpectedIssuer,
                ExtraTrustedRootsPem = TrustedRootCertificatePath.Select(ReadPem).ToArray(),
                ProxyMode = NoProxy ? ProxyMode.None : Proxy != null ? ProxyMode.Explicit : ProxyMode.System,
                ProxyUri = Proxy,
            };

            var report = RunEngine(async (log, ct) =>
            {
                try
                {
                    return await new ConnectivityTester().TestAsync(options, new ConnectivityProgressAdapter(log), ct)
                        .ConfigureAwait(false);
                }
                catch (EndpointCatalogUnavailableException e)
                {
                    throw new FastTrackException(
                        ErrorIds.ConnectivityCatalogUnavailable,
                        FailureKind.ResourceUnavailable,
                        ProxyAddress.Redact(e.Message),
                        "Check the path to the endpoint web service (-EndpointServiceUri for a "
                            + "mirror); only the Worldwide instance has a bundled fallback list.",
                        null,
                        ProxyAddress.Display(options.ServiceBaseUri));
                }
            });

            WriteVerboseSafely($"Endpoint list: {report.Catalog.Source} version {report.Catalog.Version} "
                + $"({report.Catalog.Instance}); {report.ProbeCount} probes in {report.ProbeWallMs:0} ms.");
            foreach (var note in report.Catalog.Notes)
            {
                WriteWarning(note);
            }

            if (report.Catalog.Source == EndpointCatalogSource.Bundled)
            {
                WriteWarning("The endpoint web service could not be used; the bundled "
                    + $"list from version {report.Catalog.Version} was tested.");
            }

            if (report.DeadlineReached)
            {
                WriteWarning($"The {DeadlineSeconds}-second deadline ended the run; unfinished probes are NotTested.");
            }

            if (AsReport)
            {
                WriteObject(report);
            }
            else if (Summary)
            {
                WriteObject(report.Summaries, enumerateCollection: true);
            }
            else
            {
                WriteObject(report.Results, enumerateCollection: true);
            }
        }

        private string ReadPem(string path)
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (!File.Exists(full))
            {
                ThrowTerminatingError(ErrorRecords.From(new FastTrackException(
                    ErrorIds.ConnectivityTrustedRootNotFound,
                    FailureKind.ObjectNotFound,
                    $"The certificate file '{full}' does not exist.",
                    "Pass the path of a PEM file holding the root certificate.",
                    targetObject: path)));
            }

            return File.ReadAllText(full);
        }

        private sealed class ConnectivityProgressAdapter : IProgress<ConnectivityProgress>
        {
            private readonly PipelineMessages _messages;

            public ConnectivityProgressAdapter(PipelineMessages messages) => _messages = messages;

            public void Report(ConnectivityProgress value) => _messages.Progress(new ProgressUpdate("Test-FastTrackConnectivity",
                value.Total > 0 ? $"{value.Activity}: {value.Completed}/{value.Total} ({value.CurrentHost})" : value.Activity,
                value.Total > 0 ? Math.Min(100, value.Completed * 100 / value.Total) : -1));
        }
    }
}
