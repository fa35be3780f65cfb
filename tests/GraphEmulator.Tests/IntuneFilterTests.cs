using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>
/// Intune's answer to a $filter it does not support (every item, no error) and the switches that
/// change it. Own server: the tests change emulator-wide settings.
/// </summary>
public sealed class IntuneFilterTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string Devices = "v1.0/deviceManagement/managedDevices";

    public Task InitializeAsync() => Task.CompletedTask;

    // Each test starts from the default, whatever the previous one switched.
    public async Task DisposeAsync()
    {
        await Post("intuneFilters", """{"mode":"ignore"}""");
        await Post("ignoreFilters", """{"paths":[]}""");
    }

    private async Task<HttpResponseMessage> Post(string path, string json) =>
        await f.Http.PostAsync(
            new Uri(f.Server.HttpUrl, "_emulator/" + path), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Every page of a collection read; the device names (or ids) in order, and the number of requests.</summary>
    private async Task<(List<string> Names, int Requests)> ReadAll(
        string path, string property = "deviceName", Dictionary<string, string>? headers = null)
    {
        var names = new List<string>();
        var requests = 0;
        string? next = path;
        while (next is not null)
        {
            var (status, body, _) = await f.GetAsync(next, headers: headers);
            Assert.Equal(200, status);
            requests++;
            names.AddRange(body!["value"]!.AsArray().Select(d => d![property]!.ToString()));
            next = body["@odata.nextLink"]?.ToString();
        }

        return (names, requests);
    }

    private static string Filtered(string filter) => $"{Devices}?$top=1000&$filter={Uri.EscapeDataString(filter)}";

    [Fact]
    public async Task By_default_an_unsupported_range_filter_is_ignored_and_every_device_comes_back()
    {
        var (all, _) = await ReadAll(Devices + "?$top=1000");
        var (ranged, requests) = await ReadAll(Filtered("deviceName ge 'PC-5'"));
        Assert.Equal(1200, ranged.Count);
        Assert.Equal(all, ranged);
        Assert.Equal(2, requests);
        Assert.Contains("PC-0", ranged); // outside the range: the filter was not applied
    }

    [Fact]
    public async Task Strict_mode_answers_400_for_an_unsupported_filter_and_still_applies_a_supported_one()
    {
        Assert.Equal(204, (int)(await Post("intuneFilters", """{"mode":"strict"}""")).StatusCode);
        var (status, body, _) = await f.GetAsync(Filtered("deviceName ge 'PC-5'"));
        Assert.Equal(400, status);
        Assert.Equal("BadRequest", EmulatorFixture.ErrorCode(body));
        Assert.Equal(
            400, (await f.GetAsync("v1.0/deviceAppManagement/mobileApps?$filter=" + Uri.EscapeDataString("displayName eq 'x'"))).Status);

        var (windows, _) = await ReadAll(Filtered("operatingSystem eq 'Windows'"), "id");
        Assert.Equal(600, windows.Count);
        Assert.Equal(400, (await f.GetAsync(Filtered("operatingSystem ne 'Windows'"))).Status);
    }

    [Fact]
    public async Task Honour_mode_evaluates_the_range_filter_as_the_emulator_did_before()
    {
        Assert.Equal(204, (int)(await Post("intuneFilters", """{"mode":"honour"}""")).StatusCode);
        var (ranged, _) = await ReadAll(Filtered("deviceName ge 'PC-5'"));
        Assert.NotEmpty(ranged);
        Assert.True(ranged.Count < 1200);
        Assert.All(ranged, n => Assert.True(string.Compare(n, "PC-5", StringComparison.OrdinalIgnoreCase) >= 0, n));
    }

    [Fact]
    public async Task Supported_eq_filter_applies_and_the_reported_quirks_hold_ne_as_eq_and_startswith_as_contains()
    {
        var (windows, _) = await ReadAll(Filtered("operatingSystem eq 'Windows'"), "id");
        Assert.Equal(600, windows.Count);
        var (ne, _) = await ReadAll(Filtered("operatingSystem ne 'Windows'"), "id");
        Assert.Equal(windows, ne);
        var (starts, _) = await ReadAll(Filtered("startswith(deviceName,'-11')"));
        Assert.Contains("PC-11", starts);
        Assert.All(starts, n => Assert.Contains("-11", n));
    }

    [Fact]
    public async Task Control_api_rejects_an_unknown_mode_and_reports_the_settings()
    {
        Assert.Equal(400, (int)(await Post("intuneFilters", """{"mode":"sometimes"}""")).StatusCode);
        Assert.Equal(204, (int)(await Post("ignoreFilters", """{"paths":["v1.0/users"]}""")).StatusCode);
        var settings = JsonNode.Parse(await f.Http.GetStringAsync(new Uri(f.Server.HttpUrl, "_emulator/filters")))!;
        Assert.Equal("Ignore", settings["intune"]!.ToString());
        Assert.Equal("v1.0/users", settings["ignoredPaths"]![0]!.ToString());
    }

    [Fact]
    public async Task A_directory_collection_told_to_ignore_filters_returns_everything_for_a_range_filter()
    {
        var path = "v1.0/users?$select=userPrincipalName&$top=999&$filter=" + Uri.EscapeDataString("userPrincipalName le 'b'");
        var (honoured, _) = await ReadAll(path, "userPrincipalName");
        Assert.True(honoured.Count < 251);
        Assert.Equal(204, (int)(await Post("ignoreFilters", """{"paths":["v1.0/users"]}""")).StatusCode);
        var (ignored, _) = await ReadAll(path, "userPrincipalName");
        Assert.Equal(251, ignored.Count);
    }

    /// <summary>eq filters are answered from a per-property index (EqIndex): the same devices, in the same order, as a scan.</summary>
    [Theory]
    [InlineData("operatingSystem eq 'windows'", "Windows")]
    [InlineData("operatingSystem eq 'iOS' and managementAgent eq 'mdm'", "iOS")]
    [InlineData("managementAgent eq 'MDM' and operatingSystem eq 'Windows'", "Windows")]
    [InlineData("operatingSystem eq 'Windows' or operatingSystem eq 'iOS'", null)]
    [InlineData("managementAgent eq 'eas'", "none")]
    public async Task Eq_filters_bring_back_exactly_the_matching_devices_in_collection_order(string filter, string? os)
    {
        var (names, _) = await ReadAll(Devices + "?$top=1000");
        var (systems, _) = await ReadAll(Devices + "?$top=1000", "operatingSystem");
        var expected = names.Where((_, i) => os is null || string.Equals(systems[i], os, StringComparison.Ordinal)).ToList();
        var (filtered, _) = await ReadAll(Filtered(filter));
        Assert.Equal(expected, filtered);
    }

    /// <summary>Range filters (the client's shards) are answered from a sorted index (RangeIndex): the same users, in the
    /// same order, as a scan with the evaluator's ordinal ignore-case order. Bounds are taken from the data (a third and
    /// two thirds into the unfiltered list, so equal to an existing value, in another case) to test the edges. A filter of
    /// bounds alone is answered from the index without evaluation (RangeIndex.Matches); with one more conjunct, each
    /// candidate is evaluated (RangeIndex.Candidates).</summary>
    [Theory]
    [InlineData(1, 2, false, false)]
    [InlineData(null, 1, false, false)]
    [InlineData(2, null, false, false)]
    [InlineData(1, 2, true, false)]
    [InlineData(null, 1, true, false)]
    [InlineData(0, 0, false, false)]
    [InlineData(1, 2, false, true)]
    [InlineData(1, 2, true, true)]
    public async Task Range_filters_bring_back_exactly_the_users_in_range_in_collection_order(int? lowerThird, int? upperThird,
        bool strict, bool otherConjunct)
    {
        const string Users = "v1.0/users?$select=userPrincipalName&$top=999";
        var (all, _) = await ReadAll(Users, "userPrincipalName");
        var order = StringComparer.OrdinalIgnoreCase;
        Assert.False(all.SequenceEqual(all.Order(order)), "the tenant's users are in name order: collection order untested");
        string? Bound(int? third) => third is int t ? all[t * all.Count / 3].ToUpperInvariant() : null;
        var (lower, upper) = (Bound(lowerThird), Bound(upperThird));
        var (ge, le) = strict ? ("gt", "lt") : ("ge", "le");
        var filter = string.Join(" and ", new[] { lower is null ? null : $"userPrincipalName {ge} '{lower}'",
            upper is null ? null : $"userPrincipalName {le} '{upper}'",
            otherConjunct ? "startswith(userPrincipalName, '')" : null }.Where(c => c is not null));
        var expected = all.Where(v => v is not null
            && (lower is null || (strict ? order.Compare(v, lower) > 0 : order.Compare(v, lower) >= 0))
            && (upper is null || (strict ? order.Compare(v, upper) < 0 : order.Compare(v, upper) <= 0))).ToList();

        var (filtered, _) = await ReadAll(Users + "&$filter=" + Uri.EscapeDataString(filter), "userPrincipalName");

        Assert.Equal(expected, filtered);
        Assert.InRange(filtered.Count, 1, all.Count - 1);
    }
}
