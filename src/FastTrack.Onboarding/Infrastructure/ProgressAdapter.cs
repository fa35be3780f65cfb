using System;
using FastTrack.Onboarding.Engine.Collection;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>Collector progress → the pipeline's queue (written by Write-Progress on the pipeline thread).</summary>
    internal sealed class ProgressAdapter : IProgress<CollectionProgress>
    {
        private readonly PipelineMessages _messages;
        private readonly string _activity;

        public ProgressAdapter(PipelineMessages messages, string activity)
        {
            _messages = messages;
            _activity = activity;
        }

        public void Report(CollectionProgress value) =>
            _messages.Progress(new ProgressUpdate(
                _activity,
                $"{value.Activity} ({value.DatasetsDone}/{value.DatasetsTotal} datasets, "
                    + $"{value.Requests} requests, {value.ItemsRead:N0} items)",
                value.PercentComplete));
    }
}
