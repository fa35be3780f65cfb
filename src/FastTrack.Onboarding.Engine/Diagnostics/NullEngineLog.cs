namespace FastTrack.Onboarding.Engine.Diagnostics
{
    /// <summary>A log that drops everything, for callers that do not listen.</summary>
    public sealed class NullEngineLog : IEngineLog
    {
        public static NullEngineLog Instance { get; } = new NullEngineLog();

        private NullEngineLog() { }

        public void Verbose(string message) { }
        public void Debug(string message) { }
        public void Warning(string message) { }
        public void Information(string message) { }
    }
}
