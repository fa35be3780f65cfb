namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// One Graph call, from HTTP or from a $batch step. Path is "v1.0/users/{id}" (no leading slash),
/// Query the raw query string without '?', BaseUrl "http://127.0.0.1:port" for absolute nextLinks.
/// </summary>
public sealed record GraphRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[]? Body,
    string BaseUrl,
    bool InBatch)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
