using System.Text.Json.Serialization;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>How Intune collections answer a $filter they do not support (see QUERY-RULES.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntuneFilterMode>))]
public enum IntuneFilterMode
{
    /// <summary>As the real service: an unsupported $filter is dropped and every item comes back, no error.</summary>
    Ignore,

    /// <summary>An unsupported $filter is answered 400, as a stricter service would.</summary>
    Strict,

    /// <summary>Every $filter is evaluated, whatever Intune supports (how the emulator behaved before).</summary>
    Honour,
}

/// <summary>
/// Filter behaviour shared by every tenant of one emulator, switchable at run time (control API):
/// how Intune treats unsupported filters, and collections whose $filter is dropped outright
/// (a switch for tests of clients that must survive a server ignoring their filter).
/// </summary>
public sealed class FilterSettings
{
    private volatile IntuneFilterMode _intune = IntuneFilterMode.Ignore;
    private volatile string[] _ignored = [];

    public IntuneFilterMode Intune
    {
        get => _intune;
        set => _intune = value;
    }

    /// <summary>Version-qualified collection paths ("v1.0/users") whose $filter is dropped whatever it says.</summary>
    public IReadOnlyList<string> IgnoredPaths
    {
        get => _ignored;
        set => _ignored = value.Select(p => p.Trim('/')).ToArray();
    }

    public bool IsIgnored(IReadOnlyList<string> collectionSegments)
    {
        var key = string.Join('/', collectionSegments);
        return _ignored.Any(p => string.Equals(p, key, StringComparison.OrdinalIgnoreCase));
    }
}
