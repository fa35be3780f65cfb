using System;
using System.Management.Automation;
using FastTrack.Onboarding.Completion;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Commands.Assessment
{
    /// <summary>
    /// Invoke-FastTrackAssessment: one collection pass for the chosen phases, services and checks,
    /// evaluated into an assessment; or an offline re-evaluation of a saved snapshot.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "FastTrackAssessment", DefaultParameterSetName = LiveSet)]
    [OutputType(typeof(AssessmentReport))]
    public sealed class InvokeFastTrackAssessmentCommand : ConnectedCmdlet
    {
        private const string LiveSet = "Live";
        private const string SnapshotSet = "FromSnapshot";

        [Parameter]
        public FastTrackPhase[]? Phase { get; set; }

        [Parameter]
        public FastTrackService[]? Service { get; set; }

        /// <summary>The eligible services chosen for onboarding (Initiate/Assess scope); carried in the assessment. Default all.</summary>
        [Parameter]
        public FastTrackWorkload[]? Workload { get; set; }

        /// <summary>Test-FastTrackDns output: the Assess DNS item is judged from it.</summary>
        [Parameter]
        public Model.Dns.DnsRecordResult[]? DnsResult { get; set; }

        /// <summary>The output of Test-FastTrackConnectivity (report or probe rows): feeds the network, firewall and connectivity items.</summary>
        [Parameter]
        [Alias("Connectivity")]
        [ValidateNotNull]
        public object[]? ConnectivityResult { get; set; }

        /// <summary>Check ids; wildcards allowed (FT-ENABLE-INTUNE-*).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[]? CheckId { get; set; }

        /// <summary>Save the collected snapshot here (JSON, written atomically) for offline re-evaluation and comparison.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        [ValidateNotNullOrEmpty]
        public string? SnapshotPath { get; set; }

        /// <summary>Re-evaluate a saved snapshot offline: no connection, no Graph request.</summary>
        [Parameter(ParameterSetName = SnapshotSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? FromSnapshot { get; set; }

        /// <summary>Do not read beta (preview) APIs; their checks become NotAssessed/PreviewApiDisabled.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter NoPreview { get; set; }

        /// <summary>Read every row of the registration report (SSPR/MFA shares exact); about 2 s per 1,000 users.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter FullRegistrationReport { get; set; }

        [Parameter(ParameterSetName = LiveSet)]
        [ValidateRange(5, 600)]
        public int RequestTimeoutSeconds { get; set; } = 60;

        [Parameter(ParameterSetName = LiveSet)]
        [ValidateRange(1, 180)]
        public int DeadlineMinutes { get; set; } = 30;

        /// <summary>
        /// Record the run in this history (a folder, or https://&lt;account&gt;.blob.core.windows.net/&lt;container&gt;):
        /// results and provenance. Without it, the default set with Set-FastTrackHistoryDefault is used, if any.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        /// <summary>Keep the collected snapshot in the history document too (larger; allows offline re-evaluation later).</summary>
        [Parameter]
        public SwitchParameter HistoryIncludeSnapshot { get; set; }

        /// <summary>Do not record this run, even when a default history is set.</summary>
        [Parameter]
        public SwitchParameter NoHistory { get; set; }

        /// <summary>
        /// Risk acceptances from a YAML file (for CI), besides those kept with the history: accepted items show as
        /// Accepted with the reason, pass JUnit and leave the checklist until they expire or their evidence changes.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ExceptionPath { get; set; }

        /// <summary>Replace an existing file at -SnapshotPath.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var selection = new CheckSelection
            {
                Phases = Phase ?? Array.Empty<FastTrackPhase>(),
                Services = Service ?? Array.Empty<FastTrackService>(),
                CheckIds = CheckId ?? Array.Empty<string>(),
            };
            var inputs = CmdletInputs.Build(Workload, DnsResult, ConnectivityResult);

            var history = Guard(() => AssessmentHistoryRecording.Open(this, HistoryPath, NoHistory, TryResolveConnection()));
            var acceptances = Guard(() => AcceptanceApplication.Load(this, ExceptionPath));
            AssessmentOutcome outcome;
            if (ParameterSetName == SnapshotSet)
            {
                var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(FromSnapshot);
                WriteVerboseSafely($"Re-evaluating the snapshot {path} offline.");
                outcome = RunEngine((log, ct) => System.Threading.Tasks.Task.Run(() => AssessmentRunner.EvaluateOffline(SnapshotStore.Load(path), selection, inputs), ct));
            }
            else
            {
                var savePath = SnapshotPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(SnapshotPath);
                if (savePath != null && System.IO.File.Exists(savePath) && !Force)
                {
                    ThrowTerminatingError(ErrorRecords.From(new Model.Errors.FastTrackException("FastTrack.FileExists", Model.Errors.FailureKind.ResourceUnavailable,
                        $"'{savePath}' already exists.", "Pass -Force to replace it, or choose another -SnapshotPath.", targetObject: savePath)));
                }

                if (savePath != null)
                {
                    // Before collecting: a missing or read-only folder is known now, not after minutes of Graph reads.
                    try
                    {
                        SnapshotStore.EnsureWritable(savePath);
                    }
                    catch (Model.Errors.FastTrackException e)
                    {
                        ThrowTerminatingError(ErrorRecords.From(e));
                    }
                }

                var connection = ResolveConnection();
                var options = new CollectionOptions
                {
                    IncludePreview = !NoPreview,
                    FullRegistrationReport = FullRegistrationReport,
                    RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
                    RunDeadline = TimeSpan.FromMinutes(DeadlineMinutes),
                };
                outcome = RunEngine((log, ct) => AssessmentRunner.RunAsync(connection.Session, selection, options, inputs, log,
                    new ProgressAdapter(log, $"Assessing {connection.TenantName ?? connection.TenantId}"), ct));
                if (savePath != null)
                {
                    // The assessment is done: a save that fails now is reported, and the assessment still comes out.
                    try
                    {
                        SnapshotStore.Save(outcome.Snapshot, savePath, overwrite: true);
                        WriteVerboseSafely($"Snapshot saved to {savePath}.");
                    }
                    catch (Model.Errors.FastTrackException e)
                    {
                        WriteError(ErrorRecords.From(e));
                    }
                }
            }

            outcome = acceptances.Apply(this, outcome, history?.Store, WriteWarningSafely);
            AssessmentSnapshots.Remember(outcome.Report, outcome.Snapshot);
            if (history != null)
            {
                var connectionUsed = ParameterSetName == SnapshotSet ? null : TryResolveConnection();
                var (run, failure) = RunEngine((log, ct) => history.RecordAsync(outcome, connectionUsed, HistoryIncludeSnapshot, ct));
                if (failure != null)
                {
                    WriteError(ErrorRecords.From(failure));
                }
                else
                {
                    WriteVerboseSafely($"Run {run!.RunId} recorded in {history.DisplayLocation} as {run.DocumentName}.");
                }
            }

            var coverage = outcome.Report.Coverage;
            WriteVerboseSafely($"{coverage.Assessed} of {coverage.Total} checks assessed with {outcome.Report.GraphRequests} Graph requests.");
            WriteObject(outcome.Report);
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
