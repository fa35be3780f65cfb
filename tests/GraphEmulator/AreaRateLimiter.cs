namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Graph's own per-area limits that a client must survive: Conditional Access + Identity
/// Protection 1 request/s per tenant (429 WITHOUT Retry-After, as the real service), identity and
/// access reports 5 per 10 s per app per tenant, Intune 1,000 per 20 s per tenant. Sliding window.
/// </summary>
public sealed class AreaRateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<long>> _windows = new();
    private readonly Func<long> _clockMs;

    /// <param name="clockMs">Milliseconds on a monotonic clock (default Environment.TickCount64); tests move their own.</param>
    public AreaRateLimiter(Func<long>? clockMs = null) => _clockMs = clockMs ?? (() => Environment.TickCount64);

    public bool Enabled { get; set; } = true;

    private sealed record Area(string Name, string[] Prefixes, int Limit, TimeSpan Window, bool RetryAfter, bool PerApp);

    private static readonly Area[] Areas =
    [
        new("identitySecurity", ["identity/conditionalAccess", "identityProtection"], 1, TimeSpan.FromSeconds(1), false, false),
        new("reports", ["auditLogs", "reports/authenticationMethods"], 5, TimeSpan.FromSeconds(10), true, true),
        new("intune", ["deviceManagement", "deviceAppManagement"], 1000, TimeSpan.FromSeconds(20), true, false),
    ];

    public void Reset()
    {
        lock (_gate) _windows.Clear();
    }

    /// <summary>Null when allowed; else the 429 to answer. pathNoVersion is "identity/conditionalAccess/policies".</summary>
    public GraphError? Check(string tenantId, string? appId, string pathNoVersion)
    {
        if (!Enabled) return null;
        foreach (var area in Areas)
        {
            if (!area.Prefixes.Any(p => pathNoVersion.Equals(p, StringComparison.OrdinalIgnoreCase)
                || pathNoVersion.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase)))
                continue;
            var key = area.Name + "|" + tenantId + (area.PerApp ? "|" + appId : "");
            var now = _clockMs();
            lock (_gate)
            {
                if (!_windows.TryGetValue(key, out var q)) _windows[key] = q = new Queue<long>();
                var windowMs = (long)area.Window.TotalMilliseconds;
                while (q.Count > 0 && now - q.Peek() >= windowMs) q.Dequeue();
                if (q.Count >= area.Limit)
                {
                    var wait = (int)Math.Ceiling((windowMs - (now - q.Peek())) / 1000.0);
                    return new GraphError(
                        429, "TooManyRequests", "Too many requests. Please retry later.", area.RetryAfter ? Math.Max(1, wait) : null);
                }
                q.Enqueue(now);
            }
            return null;
        }
        return null;
    }
}
