using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Security;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Base of every cmdlet: runs engine work off the pipeline thread while writing its messages on
    /// it, turns Ctrl+C into cancellation that reaches every request, and turns engine failures
    /// into ErrorRecords with a stable id, a real category and what to do.
    /// </summary>
    public abstract class FastTrackCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken CancellationToken => _stopping.Token;

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the thread pool and pumps its log onto the pipeline until it
        /// finishes. On Ctrl+C the pump stops at once (the work is cancelled and abandoned), so a
        /// request that ignores cancellation can never hold the prompt.
        /// </summary>
        internal T RunEngine<T>(Func<PipelineMessages, CancellationToken, Task<T>> work)
        {
            var messages = new PipelineMessages();
            var task = Task.Run(() => work(messages, CancellationToken));
            task.ContinueWith(
                _ => messages.Queue.CompleteAdding(),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);

            try
            {
                foreach (var message in messages.Queue.GetConsumingEnumerable(CancellationToken))
                {
                    Write(message);
                }
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
                throw; // not reached: ThrowTerminatingError always throws
            }
        }

        /// <summary>
        /// WriteVerbose, except under -Debug without -Verbose: PowerShell 7 then resolves the verbose
        /// preference of a compiled cmdlet to Inquire and prompts on every message — fatal in a
        /// non-interactive session. The text goes to the debug stream instead (which -Debug shows).
        /// </summary>
        protected void WriteVerboseSafely(string text)
        {
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey("Debug") && !bound.ContainsKey("Verbose") && bound["Debug"] is SwitchParameter debug && debug.IsPresent)
            {
                WriteDebug(text);
            }
            else
            {
                WriteVerbose(text);
            }
        }

        /// <summary>
        /// WriteWarning, except under -Debug without -WarningAction: a compiled cmdlet's warning preference then
        /// resolves to Inquire as well, and the warning would prompt (and fail in a non-interactive session).
        /// The text goes to the debug stream, marked as a warning.
        /// </summary>
        protected void WriteWarningSafely(string text)
        {
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey("Debug") && !bound.ContainsKey("WarningAction") && bound["Debug"] is SwitchParameter debug
                && debug.IsPresent)
            {
                WriteDebug("WARNING: " + text);
            }
            else
            {
                WriteWarning(text);
            }
        }

        // Every verbose, debug and warning line of every cmdlet, the engine's queued log included, comes through
        // these three (they hide Cmdlet's own): one redactor for all of them, so no message path can skip it.
        public new void WriteVerbose(string text) => base.WriteVerbose(SecretRedactor.RedactKeepingUrls(text));

        public new void WriteDebug(string text) => base.WriteDebug(SecretRedactor.RedactKeepingUrls(text));

        public new void WriteWarning(string text) => base.WriteWarning(SecretRedactor.RedactKeepingUrls(text));

        private void Write(PipelineMessages.Message message)
        {
            switch (message.MessageKind)
            {
                case PipelineMessages.Kind.Verbose:
                    WriteVerboseSafely(message.Text);
                    break;
                case PipelineMessages.Kind.Debug:
                    WriteDebug(message.Text);
                    break;
                case PipelineMessages.Kind.Warning:
                    WriteWarningSafely(message.Text);
                    break;
                case PipelineMessages.Kind.Information:
                    // A prompt the user must act on (device code): a warning is shown by default in
                    // every host, and is also captured by runbooks' warning stream.
                    WriteWarning(message.Text);
                    break;
                case PipelineMessages.Kind.Progress:
                    var update = message.Progress!;
                    WriteProgress(new ProgressRecord(
                        Math.Abs(GetType().Name.GetHashCode()) % 10000,
                        SecretRedactor.RedactKeepingUrls(update.Activity),
                        SecretRedactor.RedactKeepingUrls(update.Status))
                    {
                        PercentComplete = update.PercentComplete,
                        RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                    });
                    break;
            }
        }
    }
}
