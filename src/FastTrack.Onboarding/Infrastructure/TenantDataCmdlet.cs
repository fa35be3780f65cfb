using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Base of the phase cmdlets: they read the tenant live (the runspace's connection or -Connection)
    /// or a saved snapshot (-FromSnapshot, no Graph request), through the same engine calls.
    /// </summary>
    public abstract class TenantDataCmdlet : ConnectedCmdlet
    {
        /// <summary>Work from a snapshot saved with Invoke-FastTrackAssessment -SnapshotPath instead of the live tenant.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FromSnapshot { get; set; }

        [Parameter]
        [ValidateRange(5, 600)]
        public int RequestTimeoutSeconds { get; set; } = 60;

        internal CollectionOptions Options => new CollectionOptions { RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds) };

        /// <summary>The datasets named, read live, or the saved snapshot.</summary>
        internal TenantSnapshot ReadSnapshot(IReadOnlyList<string> datasetIds, string activity)
        {
            if (FromSnapshot != null)
            {
                var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(FromSnapshot);
                WriteVerbose($"Reading the snapshot {path}.");
                return RunEngine((log, ct) => Task.Run(() => SnapshotStore.Load(path), ct));
            }

            var connection = ResolveConnection();
            return RunEngine((log, ct) => DatasetReader.CollectAsync(connection.Session, datasetIds, Options, log, new ProgressAdapter(log, activity), ct));
        }

        /// <summary>The chosen checks evaluated live, or offline over the saved snapshot.</summary>
        internal AssessmentOutcome Assess(CheckSelection selection, AssessmentInputs inputs, string activity)
        {
            if (FromSnapshot != null)
            {
                var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(FromSnapshot);
                WriteVerbose($"Re-evaluating the snapshot {path} offline.");
                var offline = RunEngine((log, ct) => Task.Run(() => AssessmentRunner.EvaluateOffline(SnapshotStore.Load(path), selection, inputs), ct));
                AssessmentSnapshots.Remember(offline.Report, offline.Snapshot);
                return offline;
            }

            var connection = ResolveConnection();
            var outcome = RunEngine((log, ct) => AssessmentRunner.RunAsync(connection.Session, selection, Options, inputs, log, new ProgressAdapter(log, activity), ct));
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
    }
}
