using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>A 100k-user tenant pages with $select quickly (the benchmark's shape). Loose bound: CI machines are busy.</summary>
public sealed class ScaleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Pages_of_999_users_from_100k_serialise_fast()
    {
        var fixture = TestTenants.Build("44444444-4444-4444-4444-444444444444", licensed: true, users: 0, devices: 0);
        var users = fixture["resources"]!["v1.0/users"]!.AsArray();
        for (var i = 0; i < 100_000; i++)
            users.Add(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["displayName"] = $"User {i}",
                ["userPrincipalName"] = $"u{i}@x.com",
                ["usageLocation"] = "US",
                ["accountEnabled"] = true,
            });
        var options = new EmulatorOptions { StateDirectory = EmulatorFixture.SharedStateDir };
        options.Tenants.Add(fixture);
        await using var server = await GraphEmulatorServer.StartAsync(options);
        using var http = new HttpClient();
        var token = server.MintToken(new TokenMintRequest { TenantId = "44444444-4444-4444-4444-444444444444", Roles = ["User.Read.All"] });
        string? url = new Uri(server.HttpUrl, "v1.0/users?$top=999&$select=id,displayName,usageLocation").ToString();
        var pages = 0;
        var total = 0;
        var sw = Stopwatch.StartNew();
        while (url is not null && pages < 20)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new("Bearer", token) } };
            var body = JsonNode.Parse(await (await http.SendAsync(req)).Content.ReadAsStringAsync())!;
            total += body["value"]!.AsArray().Count;
            url = body["@odata.nextLink"]?.ToString();
            pages++;
        }
        sw.Stop();
        output.WriteLine($"{pages} pages of 999 users in {sw.ElapsedMilliseconds} ms");
        Assert.Equal(20 * 999, total);
        // 20 pages incl. client-side parsing; generous against a loaded 2-core box (typically well under 1 s).
        Assert.True(sw.ElapsedMilliseconds < 5000, $"{sw.ElapsedMilliseconds} ms for 20 pages");
    }
}
