using System.Collections.Concurrent;
using FastTrack.Onboarding.Engine.Diagnostics;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// The engine's log, queued: engine work runs on pool threads, and PowerShell only accepts
    /// Write-* calls from the pipeline thread, which drains this queue while it waits.
    /// </summary>
    internal sealed class PipelineMessages : IEngineLog
    {
        internal enum Kind { Verbose, Debug, Warning, Information, Progress }

        internal readonly struct Message
        {
            public Message(Kind kind, string text, ProgressUpdate? progress = null)
            {
                MessageKind = kind;
                Text = text;
                Progress = progress;
            }

            public Kind MessageKind { get; }
            public string Text { get; }
            public ProgressUpdate? Progress { get; }
        }

        public BlockingCollection<Message> Queue { get; } = new BlockingCollection<Message>();

        public void Verbose(string message) => Queue.Add(new Message(Kind.Verbose, message));
        public void Debug(string message) => Queue.Add(new Message(Kind.Debug, message));
        public void Warning(string message) => Queue.Add(new Message(Kind.Warning, message));
        public void Information(string message) => Queue.Add(new Message(Kind.Information, message));
        public void Progress(ProgressUpdate update) => Queue.Add(new Message(Kind.Progress, update.Activity, update));
    }
}
