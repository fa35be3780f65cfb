using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet that reads tenant data. It owns the two ways to get it: live (the runspace's
    /// connection or -Connection; -SnapshotPath records what was read) or a saved snapshot
    /// (-FromSnapshot, no Graph request), through the same engine calls. Derived cmdlets set
    /// DefaultParameterSetName = LiveSet.
    /// </summary>
    public abstract class TenantDataCmdlet : ConnectedCmdlet
    {
        internal const string LiveSet = "Live";
        internal const string SnapshotSet = "FromSnapshot";

        private string? _savePath;

        /// <summary>Work from a snapshot saved with -SnapshotPath instead of the live tenant: no connection, no Graph request.</summary>
        [Parameter(ParameterSetName = SnapshotSet, Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? FromSnapshot { get; set; }

        /// <summary>Save what was read live here (JSON, written atomically), for -FromSnapshot and Compare-FastTrackAssessment.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        [ValidateNotNullOrEmpty]
        public string? SnapshotPath { get; set; }

        /// <summary>Replace an existing file at -SnapshotPath.</summary>
        [Parameter(ParameterSetName = LiveSet)]
        public SwitchParameter Force { get; set; }

        [Parameter]
        [ValidateRange(5, 600)]
        public int RequestTimeoutSeconds { get; set; } = 60;

        /// <summary>How live reads are made; cmdlets with more collection switches extend it.</summary>
        internal virtual CollectionOptions Options =>
            new CollectionOptions { RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds) };

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (SnapshotPath is null)
            {
                return;
            }

            // Before collecting: an existing file or a missing/read-only folder is known now, not after minutes of Graph reads.
            _savePath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(SnapshotPath);
            if (File.Exists(_savePath) && !Force)
            {
                ThrowTerminatingError(ErrorRecords.From(new FastTrackException(
                    ErrorIds.FileExists,
                    FailureKind.ResourceExists,
                    $"'{_savePath}' already exists.",
                    "Pass -Force to replace it, or choose another -SnapshotPath.",
                    targetObject: _savePath)));
            }

            Guard(() => { SnapshotStore.EnsureWritable(_savePath); return true; });
        }

        /// <summary>The datasets named, read live (and recorded with -SnapshotPath), or the saved snapshot.</summary>
        internal TenantSnapshot ReadSnapshot(IReadOnlyList<string> datasetIds, string activity)
        {
            if (FromSnapshot != null)
            {
                return LoadSaved("Reading");
            }

            var connection = ResolveConnection();
            var snapshot = RunEngine((log, ct) =>
                DatasetReader.CollectAsync(connection.Session, datasetIds, Options, log, new ProgressAdapter(log, activity), ct));
            Record(snapshot);
            return snapshot;
        }

        /// <summary>The chosen checks evaluated live (the snapshot recorded
        /// with -SnapshotPath), or offline over the saved snapshot.</summary>
        internal AssessmentOutcome Assess(CheckSelection selection, AssessmentInputs inputs, string activity)
        {
            AssessmentOutcome outcome;
            if (FromSnapshot != null)
            {
                var saved = LoadSaved("Re-evaluating");
                outcome = RunEngine((log, ct) => Task.Run(() => AssessmentRunner.EvaluateOffline(saved, selection, inputs), ct));
            }
            else
            {
                var connection = ResolveConnection();
                outcome = RunEngine((log, ct) => AssessmentRunner.RunAsync(connection.Session, selection, Options, inputs, log,
                    new ProgressAdapter(log, $"{activity}: {connection.TenantName ?? connection.TenantId}"), ct));
                Record(outcome.Snapshot);
            }

            AssessmentSnapshots.Remember(outcome.Report, outcome.Snapshot);
            return outcome;
        }

        /// <summary>Turns an engine error raised on the pipeline thread into a terminating ErrorRecord.</summary>
        internal T Guard<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
                throw;
            }
        }

        private TenantSnapshot LoadSaved(string what)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(FromSnapshot);
            WriteVerboseSafely($"{what} the snapshot {path} (offline).");
            return RunEngine((log, ct) => Task.Run(() => SnapshotStore.Load(path), ct));
        }

        // The reads are done: a save that fails now is reported, and the results still come out.
        private void Record(TenantSnapshot snapshot)
        {
            if (_savePath is null)
            {
                return;
            }

            try
            {
                SnapshotStore.Save(snapshot, _savePath, overwrite: true);
                WriteVerboseSafely($"Snapshot saved to {_savePath}.");
            }
            catch (FastTrackException e)
            {
                WriteError(ErrorRecords.From(e));
            }
        }
    }
}
