using System.Collections.Concurrent;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Pending device-code sign-ins: the first poll is authorization_pending, the next decides.</summary>
public sealed class DeviceCodeStore
{
    private readonly ConcurrentDictionary<string, DeviceCodeSession> _sessions = new();

    public DeviceCodeSession Create(string tenantId, string clientId, string scope)
    {
        var s = new DeviceCodeSession(
            Guid.NewGuid().ToString("N"), Random.Shared.Next(10000000, 99999999).ToString("X"), tenantId, clientId, scope);
        _sessions[s.DeviceCode] = s;
        return s;
    }

    public DeviceCodeSession? Find(string deviceCode) => _sessions.GetValueOrDefault(deviceCode);

    public void Remove(string deviceCode) => _sessions.TryRemove(deviceCode, out _);
}
