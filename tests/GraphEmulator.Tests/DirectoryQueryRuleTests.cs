using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>
/// Directory query rules by property (DirectoryQueryRules): range filters only where the resource
/// documents ge/le, sorting that needs the advanced query parameters; and the advanced-query rules
/// the collector depends on ($count, ne, ConsistencyLevel).
/// </summary>
public sealed class DirectoryQueryRuleTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("v1.0/users", "userPrincipalName ge 'a' and userPrincipalName le 'n'")]
    [InlineData("v1.0/users", "displayName le 'm'")]
    [InlineData("v1.0/groups", "displayName ge 'L'")]
    [InlineData("v1.0/groups", "displayName ge 'A' and displayName le 'M'")]
    public async Task Range_filters_on_documented_properties_work_by_default(string collection, string filter)
    {
        var (status, body, _) = await f.GetAsync($"{collection}?$filter={Uri.EscapeDataString(filter)}");
        Assert.Equal(200, status);
        Assert.NotNull(body!["value"]);
    }

    [Theory]
    [InlineData("v1.0/users", "id ge 'a'", "id", "User")]
    [InlineData("v1.0/users", "userType le 'Member'", "userType", "User")]
    [InlineData("v1.0/groups", "membershipRule ge 'a'", "membershipRule", "Group")]
    [InlineData("v1.0/groups", "securityEnabled ge true", "securityEnabled", "Group")]
    public async Task Range_filters_on_other_properties_are_refused_as_Graph_refuses_them(
        string collection, string filter, string property, string resource)
    {
        var (status, body, _) = await f.GetAsync(
            $"{collection}?$filter={Uri.EscapeDataString(filter)}&$count=true", headers: EmulatorFixture.Eventual);
        Assert.Equal(400, status);
        Assert.Equal(
            $"Unsupported or invalid query filter clause specified for property '{property}' of resource '{resource}'.",
            body!["error"]!["message"]!.ToString());
    }

    [Theory]
    [InlineData("v1.0/users?$orderby=createdDateTime")]
    [InlineData("v1.0/groups?$orderby=deletedDateTime")]
    public async Task Sorting_on_properties_the_docs_mark_advanced_needs_ConsistencyLevel_and_count(string path)
    {
        var (bad, err, _) = await f.GetAsync(path);
        Assert.Equal(400, bad);
        Assert.Equal("Request_UnsupportedQuery", EmulatorFixture.ErrorCode(err));
        Assert.Equal(200, (await f.GetAsync(path + "&$count=true", headers: EmulatorFixture.Eventual)).Status);
        Assert.Equal(200, (await f.GetAsync("v1.0/users?$orderby=displayName")).Status); // documented as sortable by default
    }

    [Fact]
    public async Task Count_and_ne_need_ConsistencyLevel_eventual_and_work_with_it()
    {
        var (count, countErr, _) = await f.GetAsync("v1.0/groups/$count");
        Assert.Equal(400, count);
        Assert.Equal("$count is not currently supported.", countErr!["error"]!["message"]!.ToString());
        Assert.Equal(200, (await f.GetAsync("v1.0/groups/$count", headers: EmulatorFixture.Eventual)).Status);

        var ne = "v1.0/groups?$filter=" + Uri.EscapeDataString("displayName ne 'x'");
        var (bad, err, _) = await f.GetAsync(ne + "&$count=true");
        Assert.Equal(400, bad);
        Assert.StartsWith(
            "Operator 'ne' is not supported because the required parameters might be missing",
            err!["error"]!["message"]!.ToString());
        var (ok, body, _) = await f.GetAsync(ne + "&$count=true", headers: EmulatorFixture.Eventual);
        Assert.Equal(200, ok);
        Assert.NotNull(body!["@odata.count"]);
    }
}
