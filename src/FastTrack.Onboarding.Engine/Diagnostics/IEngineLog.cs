namespace FastTrack.Onboarding.Engine.Diagnostics
{
    /// <summary>
    /// Where the engine tells what it is doing. The cmdlet layer queues these and writes them on
    /// the pipeline thread (PowerShell forbids writing from worker threads). Implementations must be
    /// thread-safe. Text passed here must never contain a token or secret.
    /// </summary>
    public interface IEngineLog
    {
        void Verbose(string message);
        void Debug(string message);
        void Warning(string message);

        /// <summary>A message the user must read now (for example the device-code sign-in prompt).</summary>
        void Information(string message);
    }
}
