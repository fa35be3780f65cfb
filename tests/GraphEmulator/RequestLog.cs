namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Every Graph request (and identity request) this run served, for counters and assertions.</summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RequestLogEntry> _entries = new();
    private long _seq;
    private int _tokenRequests;
    private int _inFlight;
    private readonly List<string> _identity = new();

    public void Add(string method, string path, string query, int status, bool inBatch, string? tenantId)
    {
        lock (_gate) _entries.Add(new RequestLogEntry(++_seq, method, path, query, status, inBatch, tenantId));
    }

    /// <summary>Requests being served now (any path).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The sequence number of the last entry logged (it keeps counting across <see cref="Reset"/>).</summary>
    public long LastSeq
    {
        get
        {
            lock (_gate) return _seq;
        }
    }

    public void BeginRequest() => Interlocked.Increment(ref _inFlight);

    public void EndRequest() => Interlocked.Decrement(ref _inFlight);

    public void AddTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    /// <summary>Every request to the Entra and managed-identity endpoints ("POST /{tenant}/oauth2/v2.0/token"): shows what MSAL
    /// really asks for.</summary>
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
            return new RequestLogSnapshot(
                _entries.Count,
                _entries.Count - inner,
                inner,
                _entries.Count(e => e.Method is not ("GET" or "HEAD")),
                Volatile.Read(ref _tokenRequests),
                _entries.ToArray(),
                _identity.ToArray());
        }
    }
}
