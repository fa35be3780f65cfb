// DRAFT for the cmdlet owner — not compiled. Target: src/FastTrack.Onboarding/Commands/Connectivity/.
// It does not build in the connectivity branch: the cmdlet base class, the connection type and the
// load-context bridge to the engine do not exist there yet (the cmdlet project references the engine
// with ExcludeAssets="all"). Adapt the three places marked ADAPT; everything else is the intended shape.
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Commands.Connectivity
{
    /// <summary>Binds parameters, runs the engine off the pipeline thread, writes progress and objects on it.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "FastTrackConnectivity", DefaultParameterSetName = "Results")]
    [OutputType(typeof(ConnectivityProbeResult), ParameterSetName = new[] { "Results" })]
    [OutputType(typeof(ConnectivitySummary), ParameterSetName = new[] { "Summary" })]
    [OutputType(typeof(ConnectivityReport), ParameterSetName = new[] { "Report" })]
    public sealed class TestFastTrackConnectivityCommand : PSCmdlet // ADAPT: the module's cmdlet base class
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        [Parameter]
        [ValidateSet("Common", "Exchange", "SharePoint", "Skype", "Intune", "Autopilot")]
        public string[] ServiceArea { get; set; } = Array.Empty<string>();

        /// <summary>Defaults to the connected tenant's initial domain prefix.</summary>
        [Parameter] public string? TenantName { get; set; }

        /// <summary>Defaults to the connection's environment (Global → Worldwide, USGov → USGovGCCHigh, …).</summary>
        [Parameter] public EndpointInstance? Instance { get; set; }

        /// <summary>host[:port]; the system's name servers when omitted.</summary>
        [Parameter] public string? DnsServer { get; set; }

        [Parameter, ValidateRange(1, 60)] public int TimeoutSeconds { get; set; } = 3;
        [Parameter, ValidateRange(1, 256)] public int ThrottleLimit { get; set; } = 32;
        [Parameter, ValidateRange(1, 3600)] public int DeadlineSeconds { get; set; } = 60;
        [Parameter] public SwitchParameter IncludeUdp { get; set; }

        /// <summary>Endpoint web service base URL (air-gapped mirror).</summary>
        [Parameter] public Uri? EndpointServiceUri { get; set; }

        [Parameter] public Uri? Proxy { get; set; }
        [Parameter] public SwitchParameter NoProxy { get; set; }

        /// <summary>PEM files of extra trusted roots (air-gapped mirrors); adds trust, never disables validation.</summary>
        [Parameter] public string[] TrustedRootCertificatePath { get; set; } = Array.Empty<string>();

        [Parameter] public string[] ExpectedIssuer { get; set; } = Array.Empty<string>();

        [Parameter(ParameterSetName = "Summary", Mandatory = true)] public SwitchParameter Summary { get; set; }
        [Parameter(ParameterSetName = "Report", Mandatory = true)] public SwitchParameter AsReport { get; set; }

        protected override void EndProcessing()
        {
            if (NoProxy && Proxy != null)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("Use -Proxy or -NoProxy, not both."),
                    "FastTrack.Connectivity.ProxyConflict", ErrorCategory.InvalidArgument, null));

            var connection = (object?)null; // ADAPT: the runspace's FastTrack connection, if any
            var options = new ConnectivityTestOptions
            {
                ServiceBaseUri = EndpointServiceUri ?? new ConnectivityTestOptions().ServiceBaseUri,
                Instance = Instance ?? EndpointInstanceResolver.FromEnvironment(null /* ADAPT: connection?.Environment */),
                TenantName = TenantName ?? EndpointInstanceResolver.TenantNameFromInitialDomain(null /* ADAPT: connection?.InitialDomain */),
                ServiceAreas = ServiceArea,
                DnsServer = DnsServer,
                StageTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
                Concurrency = ThrottleLimit,
                GlobalDeadline = TimeSpan.FromSeconds(DeadlineSeconds),
                IncludeUdp = IncludeUdp,
                AdditionalExpectedIssuers = ExpectedIssuer,
                ExtraTrustedRootsPem = TrustedRootCertificatePath.Select(p => File.ReadAllText(GetUnresolvedProviderPathFromPSPath(p))).ToArray(),
                ProxyMode = NoProxy ? ProxyMode.None : Proxy != null ? ProxyMode.Explicit : ProxyMode.System,
                ProxyUri = Proxy,
            };
            _ = connection;

            // Progress arrives on worker threads; only this thread may call WriteProgress/WriteObject.
            var progress = new BlockingCollection<ConnectivityProgress>();
            var run = Task.Run(async () =>
            {
                try { return await new ConnectivityTester().TestAsync(options, new QueueProgress(progress), _stop.Token).ConfigureAwait(false); }
                finally { progress.CompleteAdding(); }
            });
            var record = new ProgressRecord(1, "Test-FastTrackConnectivity", "Loading the endpoint list");
            foreach (var p in progress.GetConsumingEnumerable())
            {
                record.StatusDescription = p.Total > 0 ? $"{p.Activity}: {p.Completed}/{p.Total} ({p.CurrentHost})" : p.Activity;
                record.PercentComplete = p.Total > 0 ? Math.Min(100, p.Completed * 100 / p.Total) : -1;
                WriteProgress(record);
            }
            record.RecordType = ProgressRecordType.Completed;
            WriteProgress(record);

            ConnectivityReport report;
            try { report = run.GetAwaiter().GetResult(); }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { return; } // Ctrl+C
            catch (EndpointCatalogUnavailableException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "FastTrack.Connectivity.CatalogUnavailable", ErrorCategory.ResourceUnavailable, options.ServiceBaseUri));
                return;
            }

            WriteVerbose($"Endpoint list: {report.Catalog.Source} version {report.Catalog.Version} ({report.Catalog.Instance}); {report.ProbeCount} probes in {report.ProbeWallMs:0} ms.");
            foreach (var note in report.Catalog.Notes) WriteWarning(note);
            if (report.Catalog.Source == EndpointCatalogSource.Bundled)
                WriteWarning($"The endpoint web service could not be used; tested the bundled list from {report.Catalog.Version}.");
            if (report.DeadlineReached)
                WriteWarning($"The {DeadlineSeconds}-second deadline ended the run; unfinished probes are NotTested.");

            if (AsReport) WriteObject(report);
            else if (Summary) foreach (var s in report.Summaries) WriteObject(s);
            else foreach (var r in report.Results) WriteObject(r);
        }

        protected override void StopProcessing() => _stop.Cancel();

        private sealed class QueueProgress : IProgress<ConnectivityProgress>
        {
            private readonly BlockingCollection<ConnectivityProgress> _queue;
            public QueueProgress(BlockingCollection<ConnectivityProgress> queue) => _queue = queue;
            public void Report(ConnectivityProgress value)
            {
                if (!_queue.IsAddingCompleted) _queue.TryAdd(value);
            }
        }
    }
}
