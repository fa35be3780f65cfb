using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace FastTrack.Onboarding.Tenants.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleCollection
{
    public const string Name = "scale (runs alone: it measures memory)";
}

/// <summary>The generator is deterministic, sized as asked, and cheap enough for the benchmark tenant.</summary>
[Collection(ScaleCollection.Name)]
public sealed class SyntheticTenantTests(ITestOutputHelper output)
{
    private static int Count(JsonObject t, string key) => TestFixtures.Collection(t, key).Count;

    [Fact]
    public void Same_seed_gives_the_same_json_and_another_seed_does_not()
    {
        var o = TestFixtures.SmallSynthetic;
        var a = TestFixtures.Sha256(TenantCatalog.Synthetic(o));
        Assert.Equal(a, TestFixtures.Sha256(TenantCatalog.Synthetic(o)));
        Assert.NotEqual(a, TestFixtures.Sha256(TenantCatalog.Synthetic(o with { Seed = o.Seed + 1 })));
    }

    [Fact]
    public void Sized_as_asked_with_realistic_mix()
    {
        var o = TestFixtures.SmallSynthetic;
        var t = TenantCatalog.Synthetic(o);
        Assert.Equal(o.Users, Count(t, "v1.0/users"));
        Assert.Equal(o.Devices, Count(t, "v1.0/deviceManagement/managedDevices"));
        Assert.Equal(o.Groups, Count(t, "v1.0/groups"));
        Assert.Equal(o.ServicePrincipals, Count(t, "v1.0/servicePrincipals"));
        var users = TestFixtures.Items(t, "v1.0/users").ToList();
        var synced = users.Count(u => u["onPremisesSyncEnabled"] is not null) * 1.0 / users.Count;
        Assert.InRange(synced, 0.7, 0.9);
        Assert.InRange(users.Count(u => u["userType"]!.GetValue<string>() == "Guest"), 1, users.Count / 20);
        Assert.Contains(users, u => u["licenseAssignmentStates"]!.AsArray().Any(s => s!["error"]!.GetValue<string>() == "CountViolation"));
        Assert.Contains(users, u => u["onPremisesProvisioningErrors"]!.AsArray().Count > 0);
        Assert.Contains(users, u => u["assignedLicenses"]!.AsArray().Count > 0 && u["usageLocation"] is null);
        var e3 = TestFixtures.Items(t, "v1.0/subscribedSkus").Single(s => s["skuPartNumber"]!.GetValue<string>() == "SPE_E3");
        Assert.Equal(
            users.Count(u => u["assignedLicenses"]!.AsArray().Any(l => l!["skuId"]!.GetValue<string>() == Skus.M365E3.SkuId)),
            e3["consumedUnits"]!.GetValue<int>());
        // The demo's configuration objects are there, and their references resolve.
        Assert.NotEmpty(TestFixtures.Items(t, "v1.0/identity/conditionalAccess/policies"));
        Assert.NotEmpty(TestFixtures.Items(t, "v1.0/deviceAppManagement/iosManagedAppProtections"));
        var groupIds = TestFixtures.Items(t, "v1.0/groups").Select(g => g["id"]!.GetValue<string>()).ToHashSet();
        Assert.Contains(DemoTenant.IntunePilotUsersGroupId, groupIds);
        var userIds = users.Select(u => u["id"]!.GetValue<string>()).ToHashSet();
        Assert.All(TestFixtures.Items(t, "v1.0/roleManagement/directory/roleAssignments"),
            a => Assert.Contains(a["principalId"]!.GetValue<string>(), userIds));
        Assert.All(TestFixtures.Items(t, "v1.0/deviceManagement/managedDevices"),
            d => Assert.Contains(d["userId"]!.GetValue<string>(), userIds));
        Assert.Equal(o.Users, Count(t, "v1.0/reports/authenticationMethods/userRegistrationDetails"));
        // Usage reports are aggregates: a fixed number of daily rows, the busiest day within the licensed users.
        var platformRows = TestFixtures.Resources(t)[UsageReportFixtures.PlatformCountsKey]!["userCounts"]!.AsArray();
        Assert.Equal(180, platformRows.Count);
        Assert.InRange(
            platformRows.Max(r => r!["windows"]!.GetValue<int>()),
            e3["consumedUnits"]!.GetValue<int>() / 2,
            e3["consumedUnits"]!.GetValue<int>());
        Assert.InRange(platformRows.Max(r => r!["mac"]!.GetValue<int>()), 1, platformRows.Max(r => r!["windows"]!.GetValue<int>()) - 1);
        var tenantId = t["tenant"]!["id"]!.GetValue<string>();
        Assert.NotNull(TestFixtures.Resources(t)[$"v1.0/organization/{tenantId}/branding"]);
        Assert.Equal(users.Count(u => u["licenseAssignmentStates"]!.AsArray().Any(s => s!["state"]!.GetValue<string>() == "Error")),
            Count(t, $"v1.0/groups/{DemoTenant.LicensingEmsGroupId}/membersWithLicenseErrors"));
    }

    [Fact]
    public void Custom_tenant_id_is_used()
    {
        var id = "11111111-2222-4333-8444-555555555555";
        var t = TenantCatalog.Synthetic(new SyntheticTenantOptions(20, 5, 20, 12, TenantId: id));
        Assert.Equal(id, t["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal(id, TestFixtures.Items(t, "v1.0/organization").Single()["id"]!.GetValue<string>());
        Assert.Throws<ArgumentOutOfRangeException>(() => TenantCatalog.Synthetic(new SyntheticTenantOptions(20, 5, 3, 12)));
    }

    [Fact]
    public void Benchmark_scale_tenant_generates_in_seconds()
    {
        var o = new SyntheticTenantOptions(Users: 100_000, Devices: 50_000, Groups: 20_000, ServicePrincipals: 5_000);
        var before = Settle();
        var m = GenerateAndCompact(o, before);
        // The tree is unreachable now; what is left is the alternative the emulator could hold:
        // each entity as its UTF-8 JSON (what it serves anyway).
        var blobRetained = Settle() - before;
        var jsonBytes = m.Blobs.Sum(b => (long)b.Length);

        var figures = $"synthetic 100k users/50k devices/20k groups/5k SPs: generate {m.GenerateMs} ms, "
            + $"JsonObject tree retained {m.TreeRetained / 1048576.0:F0} MiB "
            + $"(allocated {m.Allocated / 1048576.0:F0} MiB); as per-entity UTF-8 blobs {blobRetained / 1048576.0:F0} MiB retained "
            + $"({jsonBytes / 1048576.0:F0} MiB of JSON, "
            + $"{m.Blobs.Count} entities, converted in {m.CompactMs} ms)";
        output.WriteLine(figures);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "synthetic-scale-figures.txt"), figures + Environment.NewLine);
        // Generous bounds for a shared 2-core machine; the report quotes the measured figures.
        Assert.InRange(m.GenerateMs, 0, 60_000);
        Assert.InRange(m.TreeRetained, 0, 4L * 1024 * 1024 * 1024);
        Assert.True(blobRetained < m.TreeRetained, "UTF-8 blobs should be smaller than the node tree");
        GC.KeepAlive(m.Blobs);
    }

    private sealed record Measured(long GenerateMs, long TreeRetained, long Allocated, List<byte[]> Blobs, long CompactMs);

    /// <summary>Keeps the JsonObject tree local to this frame so it is collectable once we return (Debug JIT keeps temporaries
    /// alive).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Measured GenerateAndCompact(SyntheticTenantOptions o, long before)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var t = TenantCatalog.Synthetic(o);
        sw.Stop();
        var treeRetained = Settle() - before;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal(o.Users, Count(t, "v1.0/users"));
        Assert.Equal(o.Devices, Count(t, "v1.0/deviceManagement/managedDevices"));
        Assert.Equal(o.Groups, Count(t, "v1.0/groups"));
        Assert.Equal(o.ServicePrincipals, Count(t, "v1.0/servicePrincipals"));
        var compact = Stopwatch.StartNew();
        var blobs = Compact(t);
        compact.Stop();
        return new Measured(sw.ElapsedMilliseconds, treeRetained, allocated, blobs, compact.ElapsedMilliseconds);
    }

    private static byte[] Utf8(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer)) node.WriteTo(w);
        return buffer.WrittenSpan.ToArray();
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static List<byte[]> Compact(JsonObject tenant)
    {
        var blobs = new List<byte[]>();
        foreach (var (_, value) in TestFixtures.Resources(tenant))
        {
            if (value is JsonArray a)
                foreach (var e in a) blobs.Add(Utf8(e!));
            else
                blobs.Add(Utf8(value!));
        }
        return blobs;
    }
}
