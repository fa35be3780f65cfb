namespace FastTrack.Onboarding.GraphSchema;

/// <summary>One line of the emulator's contract log: a request shape and the first raw request of that shape.</summary>
public sealed record ContractLogEntry(string Method, string Shape, string QueryOptions, string RawPath, string RawQuery)
{
    public override string ToString() => $"{Method} /{Shape}" + (QueryOptions.Length > 0 ? "?" + QueryOptions : "");
}

/// <summary>
/// Reads and judges the file the emulator appends to when FASTTRACK_CONTRACT_LOG is set (one
/// tab-separated line per distinct method, version, path shape and query option names): every
/// request the test suites made is validated again against the schema.
/// </summary>
public static class ContractLog
{
    public static IReadOnlyList<ContractLogEntry> Read(string file)
    {
        if (!File.Exists(file)) return [];
        var entries = new Dictionary<string, ContractLogEntry>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file))
        {
            var parts = line.Split('\t');
            if (parts.Length < 5) continue; // a line cut by a concurrent writer: the next run logs it again
            var entry = new ContractLogEntry(parts[0], parts[1], parts[2], parts[3], parts[4]);
            entries.TryAdd(entry.ToString(), entry);
        }
        return entries.Values.OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>Each logged shape with the problems Graph's schema finds in its raw request (none when valid or beta).</summary>
    public static IReadOnlyList<(ContractLogEntry Entry, ValidationResult Result)> Judge(IEnumerable<ContractLogEntry> entries) =>
        entries
            .Select(e => (e, RequestValidator.ValidateUrl(e.Method, "/" + e.RawPath + (e.RawQuery.Length > 0 ? "?" + e.RawQuery : ""))))
            .ToList();
}
