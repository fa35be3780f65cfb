namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>One device-code sign-in in progress.</summary>
public sealed class DeviceCodeSession(string deviceCode, string userCode, string tenantId, string clientId, string scope)
{
    public string DeviceCode { get; } = deviceCode;
    public string UserCode { get; } = userCode;
    public string TenantId { get; } = tenantId;
    public string ClientId { get; } = clientId;
    public string Scope { get; } = scope;
    public int Polls { get; set; }
}
