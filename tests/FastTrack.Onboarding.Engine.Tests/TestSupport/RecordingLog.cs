using System.Collections.Concurrent;
using FastTrack.Onboarding.Engine.Diagnostics;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>Keeps every verbose, debug, warning and information line, for tests that read what the engine said.</summary>
public sealed class RecordingLog : IEngineLog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join("\n", Lines);

    public void Verbose(string message) => Lines.Enqueue("VERBOSE: " + message);
    public void Debug(string message) => Lines.Enqueue("DEBUG: " + message);
    public void Warning(string message) => Lines.Enqueue("WARNING: " + message);
    public void Information(string message) => Lines.Enqueue("INFO: " + message);
}
