using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>Parallel readers and a writer on one tenant: no 500s, no torn pages (the engine fans out requests).</summary>
public sealed class ConcurrencyTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Parallel_reads_with_concurrent_patches_all_succeed()
    {
        var writer = f.Token(roles: ["User.ReadWrite.All"]);
        var reads = Enumerable.Range(0, 60).Select(async i =>
        {
            var path = (i % 3) switch
            {
                0 => "v1.0/users?$top=50&$select=id,usageLocation",
                1 => "v1.0/users?$filter=" + Uri.EscapeDataString("usageLocation eq 'FR'") + "&$count=true",
                _ => "v1.0/deviceManagement/managedDevices?$top=200",
            };
            var (status, body, _) = await f.GetAsync(path, headers: EmulatorFixture.Eventual);
            Assert.Equal(200, status);
            Assert.NotNull(body!["value"]);
        });
        var writes = Enumerable.Range(0, 20).Select(async i =>
        {
            var (status, _, _) = await f.SendAsync(HttpMethod.Patch, $"v1.0/users/{i:x8}-1111-4000-8000-000000000000",
                new JsonObject { ["jobTitle"] = "t" + i }, writer);
            Assert.Equal(204, status);
        });
        await Task.WhenAll(reads.Concat(writes));
    }
}
