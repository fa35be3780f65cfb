namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Holds the active faults and decides, reproducibly (seeded), which one fires for a request.</summary>
public sealed class FaultInjector(int seed)
{
    private readonly object _gate = new();
    private readonly List<(FaultSpec Spec, int Id)> _faults = new();
    private readonly Dictionary<int, int> _hits = new();
    private Random _random = new(seed);
    private int _nextId;

    public int GlobalLatencyMs { get; set; }

    public int Add(FaultSpec spec)
    {
        lock (_gate)
        {
            var id = ++_nextId;
            _faults.Add((spec, id));
            _hits[id] = 0;
            return id;
        }
    }

    public void Clear(int? reseed = null)
    {
        lock (_gate)
        {
            _faults.Clear();
            _hits.Clear();
            if (reseed is int s) _random = new Random(s);
        }
    }

    public IReadOnlyList<FaultSpec> List()
    {
        lock (_gate) return _faults.Select(f => f.Spec).ToArray();
    }

    /// <summary>The first matching fault that fires; path is "v1.0/users/..." (no leading slash).</summary>
    public FaultSpec? Pick(string method, string path, string? tenantId, bool inBatch)
    {
        lock (_gate)
        {
            foreach (var (spec, id) in _faults)
            {
                if (inBatch && !spec.InsideBatch) continue;
                if (spec.Method is not null && !string.Equals(spec.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (spec.TenantId is not null && !string.Equals(spec.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)) continue;
                var prefix = spec.Path.Trim('/');
                if (!(path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
                    || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase)))
                    continue;
                if (spec.Count is int max && _hits[id] >= max) continue;
                if (spec.Probability < 1.0 && _random.NextDouble() >= spec.Probability) continue;
                _hits[id]++;
                return spec;
            }
            return null;
        }
    }
}
