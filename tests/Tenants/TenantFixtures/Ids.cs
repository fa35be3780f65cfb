namespace FastTrack.Onboarding.Tenants;

/// <summary>
/// Deterministic, readable GUIDs: <c>{kind:8 hex}-{scope:4 hex}-4000-8000-{n:12 hex}</c>.
/// The first group says what the object is (see <see cref="Kind"/>), so a GUID in a failing
/// assertion or an emulator log tells at a glance which fixture object it came from.
/// </summary>
public static class Ids
{
    /// <summary>First GUID group per object kind.</summary>
    public static class Kind
    {
        public const uint Tenant = 0x7e0a0001;
        public const uint Organization = 0x0a600001;
        public const uint User = 0x05e50001;
        public const uint Group = 0x06a00001;
        public const uint ServicePrincipal = 0x05b00001;
        public const uint Application = 0x0a550001;
        public const uint Subscription = 0x5ab50001;
        public const uint Device = 0x0de00001;
        public const uint Policy = 0x0b0c0001;
        public const uint Intune = 0x17e00001;
        public const uint Role = 0x201e0001;
        public const uint Auth = 0x0a770001;
        public const uint Log = 0x0109_0001;
        public const uint Misc = 0x0f1c0001;
    }

    /// <summary>A GUID string for object <paramref name="n"/> of a kind, in a scope (0 for the demo tenant).</summary>
    public static string Of(uint kind, long n, ushort scope = 0) =>
        string.Create(36, (kind, n, scope), static (span, s) =>
        {
            s.kind.TryFormat(span[..8], out _, "x8");
            span[8] = '-';
            s.scope.TryFormat(span.Slice(9, 4), out _, "x4");
            "-4000-8000-".AsSpan().CopyTo(span.Slice(13, 11));
            s.n.TryFormat(span.Slice(24, 12), out _, "x12");
        });
}
