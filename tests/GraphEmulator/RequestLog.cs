using System.Text.Json.Serialization;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>One Graph request as the emulator saw it (a $batch POST and each of its steps are separate entries).</summary>
public sealed record RequestLogEntry(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("inBatch")] bool InBatch,
    [property: JsonPropertyName("tenantId")] string? TenantId);

/// <summary>Counters for budgets ("Graph round trips ≤ 200"): a $batch counts once in graphRequests; its steps in batchInnerRequests.</summary>
public sealed record RequestLogSnapshot(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("graphRequests")] int GraphRequests,
    [property: JsonPropertyName("batchInnerRequests")] int BatchInnerRequests,
    [property: JsonPropertyName("writes")] int Writes,
    [property: JsonPropertyName("tokenRequests")] int TokenRequests,
    [property: JsonPropertyName("requests")] IReadOnlyList<RequestLogEntry> Requests,
    [property: JsonPropertyName("identityRequests")] IReadOnlyList<string> IdentityRequests);

public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RequestLogEntry> _entries = new();
    private long _seq;
    private int _tokenRequests;
    private readonly List<string> _identity = new();

    public void Add(string method, string path, string query, int status, bool inBatch, string? tenantId)
    {
        lock (_gate) _entries.Add(new RequestLogEntry(++_seq, method, path, query, status, inBatch, tenantId));
    }

    public void AddTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    /// <summary>Every request to the Entra and managed-identity endpoints ("POST /{tenant}/oauth2/v2.0/token"): shows what MSAL really asks for.</summary>
    public void AddIdentityRequest(string line)
    {
        lock (_gate) _identity.Add(line);
    }

    public void Reset()
    {
        lock (_gate)
        {
            _entries.Clear();
            _identity.Clear();
            _tokenRequests = 0;
        }
    }

    public RequestLogSnapshot Snapshot()
    {
        lock (_gate)
        {
            var inner = _entries.Count(e => e.InBatch);
            return new RequestLogSnapshot(_entries.Count, _entries.Count - inner, inner,
                _entries.Count(e => e.Method is not ("GET" or "HEAD")), Volatile.Read(ref _tokenRequests), _entries.ToArray(), _identity.ToArray());
        }
    }
}
