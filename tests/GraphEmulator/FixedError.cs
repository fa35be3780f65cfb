namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>A fixed error from the fixture's "errors" (segments; "*" at the end = prefix, "{x}" = any one segment).</summary>
public sealed record FixedError(string[] Segments, GraphError Error)
{
    public bool Matches(string[] path)
    {
        var prefix = Segments.Length > 0 && Segments[^1] == "*";
        var n = prefix ? Segments.Length - 1 : Segments.Length;
        if (prefix ? path.Length < n : path.Length != n) return false;
        for (var i = 0; i < n; i++)
        {
            var s = Segments[i];
            if (s.StartsWith('{') && s.EndsWith('}')) continue;
            if (!string.Equals(s, path[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }
}
