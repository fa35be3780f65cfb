using System;
using System.Management.Automation;
using FastTrack.Onboarding.Completion;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.PipeBinds;

namespace FastTrack.Onboarding.Commands.Assessment
{
    /// <summary>
    /// Invoke-FastTrackAssessment: one collection pass for the chosen phases, services and checks,
    /// evaluated into an assessment; or an offline re-evaluation of a saved snapshot.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "FastTrackAssessment", DefaultParameterSetName = LiveSet)]
    [OutputType(typeof(AssessmentReport))]
    public sealed class InvokeFastTrackAssessmentCommand : TenantDataCmdlet
    {
        [Parameter]
        public FastTrackPhase[]? Phase { get; set; }

        [Parameter]
        public FastTrackService[]? Service { get; set; }

        /// <summary>The eligible services chosen for onboarding (Initiate/Assess scope); carried in the assessment. Default all.</summary>
        [Parameter]
        public FastTrackWorkload[]? Workload { get; set; }

        /// <summary>Test-FastTrackDns output (live, Import-Clixml, ConvertFrom-Json
        /// or hashtables): the DNS items are judged from it.</summary>
        [Parameter]
        [ValidateNotNull]
        public DnsResultPipeBind[]? DnsResult { get; set; }

        /// <summary>The output of Test-FastTrackConnectivity (report or probe
        /// rows): feeds the network, firewall and connectivity items.</summary>
        [Parameter]
        [Alias("Connectivity")]
        [ValidateNotNull]
        public ConnectivityResultPipeBind[]? ConnectivityResult { get; set; }

        /// <summary>Check ids; wildcards allowed (FT-ENABLE-INTUNE-*).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[]? CheckId { get; set; }

        /// <summary>Do not read beta (preview) APIs; their checks become NotAssessed/PreviewApiDisabled.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter NoPreview { get; set; }

        /// <summary>Read every row of the registration report (SSPR/MFA shares exact); about 2 s per 1,000 users.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter FullRegistrationReport { get; set; }

        [Parameter(ParameterSetName = LiveSet)]
        [ValidateRange(1, 180)]
        public int DeadlineMinutes { get; set; } = 30;

        /// <summary>
        /// A folder where the run checkpoints its large collections page by page (records on disk, nextLinks, no token), so a
        /// run that is killed or unloaded can carry on with -Resume. Removed from the folder when the collection completes.
        /// </summary>
        [Parameter(ParameterSetName = LiveSet)]
        [ValidateNotNullOrEmpty]
        public string? CheckpointPath { get; set; }

        /// <summary>
        /// Carry on from the checkpoint in -CheckpointPath: only the pages not yet read are asked for. A checkpoint of another
        /// tenant or module version, or older than an hour, is set aside with a warning and the run starts afresh.
        /// </summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter Resume { get; set; }

        protected override void BeginProcessing()
        {
            if (Resume && CheckpointPath is null)
            {
                ThrowTerminatingError(ErrorRecords.From(new FastTrackException(ErrorIds.ResumeWithoutCheckpoint,
                    FailureKind.InvalidArgument, "-Resume carries on from a checkpoint folder, and no -CheckpointPath was given.",
                    "Run again with -CheckpointPath set to the folder the stopped run used.")));
            }

            base.BeginProcessing();
        }

        internal override CollectionOptions Options => new CollectionOptions
        {
            IncludePreview = !NoPreview,
            FullRegistrationReport = FullRegistrationReport,
            RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
            RunDeadline = TimeSpan.FromMinutes(DeadlineMinutes),
            CheckpointFolder = CheckpointFolder(),
            CheckpointStore = CheckpointPath != null && HistoryLocation.IsBlobUrl(CheckpointPath)
                ? new HistoryCheckpointStore(HistoryAccess.Open(this, CheckpointPath, TryResolveConnection()))
                : null,
            Resume = Resume,
        };

        // A blob container keeps the checkpoint across sandboxes; the records are written to a local folder first.
        private string? CheckpointFolder() =>
            CheckpointPath is null ? null
            : HistoryLocation.IsBlobUrl(CheckpointPath)
                ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "FastTrack.Onboarding", "checkpoints",
                    ResolveConnection().TenantId.ToLowerInvariant())
                : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CheckpointPath);

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

        protected override void ProcessRecord()
        {
            var selection = new CheckSelection
            {
                Phases = Phase ?? Array.Empty<FastTrackPhase>(),
                Services = Service ?? Array.Empty<FastTrackService>(),
                CheckIds = CheckId ?? Array.Empty<string>(),
            };
            var inputs = Guard(() => CmdletInputs.Build(Workload, DnsResult, ConnectivityResult));

            var history = Guard(() => AssessmentHistoryRecording.Open(this, HistoryPath, NoHistory, TryResolveConnection()));
            var acceptances = Guard(() => AcceptanceApplication.Load(this, ExceptionPath));
            var outcome = Assess(selection, inputs, "Assessing");

            // Acceptances change the report's items, so the remembered report is the accepted one.
            outcome = acceptances.Apply(this, outcome, history?.Store, WriteWarningSafely);
            AssessmentSnapshots.Remember(outcome.Report, outcome.Snapshot);
            if (history != null)
            {
                var connectionUsed = FromSnapshot != null ? null : TryResolveConnection();
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
            WriteVerboseSafely($"{coverage.Assessed} of {coverage.Total} checks "
                + $"assessed with {outcome.Report.GraphRequests} Graph requests.");
            WriteObject(outcome.Report);
        }
    }
}
