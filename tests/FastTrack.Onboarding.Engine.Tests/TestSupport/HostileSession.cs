using System.Net;
using System.Text;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Connections;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>
/// Connects to a <see cref="HostileGraphServer"/> the way Connect-FastTrackTenant -AccessToken does, and collects from it.
/// </summary>
public static class HostileSession
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";

    /// <summary>An unsigned JWT the connector can decode; <paramref name="marker"/> is planted in its signature part.</summary>
    public static string Token(string marker = "sig")
    {
        static string B64(string json) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "." + B64($"{{\"tid\":\"{TenantId}\",\"appid\":\"a\",\"roles\":[\"Directory.Read.All\"],\"exp\":{exp}}}")
            + "." + marker;
    }

    public static Task<TenantSession> ConnectAsync(Uri endpoint, string? token = null, IEngineLog? log = null) =>
        TenantConnector.ConnectAsync(new ConnectionRequest
        {
            Method = AuthenticationMethod.AccessToken,
            AccessToken = new NetworkCredential(string.Empty, token ?? Token()).SecurePassword,
            GraphEndpoint = endpoint,
        }, log ?? NullEngineLog.Instance, CancellationToken.None);

    /// <summary>Collects the named datasets, bounded so that a hang fails the test instead of stalling it.</summary>
    public static async Task<TenantSnapshot> CollectAsync(
        TenantSession session,
        CollectionOptions options,
        IEngineLog? log = null,
        params string[] datasetIds)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await GraphCollector.CollectAsync(
            session,
            datasetIds.Select(DatasetCatalog.Get).ToList(),
            options with { PaceGraphAreaLimits = false },
            log ?? NullEngineLog.Instance,
            null,
            guard.Token);
    }
}
