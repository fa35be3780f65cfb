using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>Collections, paging, $select, $filter, $count/ConsistencyLevel rules and $expand over real HTTP.</summary>
public sealed class GraphQueryTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static JsonArray Value(JsonNode? body) => body!["value"]!.AsArray();

    [Fact]
    public async Task Paging_follows_absolute_nextLink_with_default_page_100_until_the_end()
    {
        var seen = new HashSet<string>();
        string? url = "v1.0/users?$select=id";
        var pages = 0;
        while (url is not null)
        {
            var (status, body, _) = await f.GetAsync(url);
            Assert.Equal(200, status);
            foreach (var u in Value(body)) Assert.True(seen.Add(u!["id"]!.ToString()));
            url = body!["@odata.nextLink"]?.ToString();
            if (url is not null)
            {
                Assert.StartsWith(f.Server.HttpUrl.ToString() + "v1.0/users?", url);
                Assert.Contains("$skiptoken=", url);
                Assert.Contains("$select=id", url);
            }
            pages++;
        }
        Assert.Equal(251, seen.Count);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Top_over_999_is_refused_for_directory_and_capped_at_1000_for_Intune_and_sign_ins()
    {
        var (refused, error, _) = await f.GetAsync("v1.0/users?$top=5000&$select=id");
        Assert.Equal(400, refused);
        Assert.Equal("Request_BadRequest", EmulatorFixture.ErrorCode(error));
        Assert.Equal("Invalid page size specified: '5000'. Must be between 1 and 999 inclusive.", error!["error"]!["message"]!.ToString());
        var (_, users, _) = await f.GetAsync("v1.0/users?$top=999&$select=id");
        Assert.Equal(251, Value(users).Count); // all fit under 999
        var (_, devices, _) = await f.GetAsync("v1.0/deviceManagement/managedDevices?$top=5000");
        Assert.Equal(1000, Value(devices).Count);
        Assert.NotNull(devices!["@odata.nextLink"]);
        var (_, signIns, _) = await f.GetAsync("v1.0/auditLogs/signIns?$top=5000");
        Assert.Equal(1000, Value(signIns).Count);
        var (_, ca, _) = await f.GetAsync("v1.0/users?$top=10&$select=id");
        Assert.Equal(10, Value(ca).Count);
    }

    [Fact]
    public async Task Intune_ignores_skip_and_directory_rejects_it()
    {
        var (_, devices, _) = await f.GetAsync("v1.0/deviceManagement/managedDevices?$top=3&$skip=10");
        Assert.Equal("d-0", Value(devices)[0]!["id"]!.ToString());
        var (status, body, _) = await f.GetAsync("v1.0/users?$skip=10");
        Assert.Equal(400, status);
        Assert.Equal("Request_BadRequest", EmulatorFixture.ErrorCode(body));
    }

    [Fact]
    public async Task Users_without_select_return_the_default_set_and_select_returns_only_named_properties()
    {
        var (_, all, _) = await f.GetAsync("v1.0/users?$top=1");
        var first = Value(all)[0]!.AsObject();
        Assert.True(first.ContainsKey("userPrincipalName"));
        Assert.False(first.ContainsKey("usageLocation"));
        Assert.False(first.ContainsKey("assignedLicenses"));
        Assert.False(first.ContainsKey("onPremisesSyncEnabled"));
        Assert.False(first.ContainsKey("memberOf"));

        var (_, sel, _) = await f.GetAsync("v1.0/users?$top=1&$select=id,usageLocation,assignedLicenses");
        var s = Value(sel)[0]!.AsObject();
        Assert.Equal(["id", "usageLocation", "assignedLicenses"], s.Select(p => p.Key).ToArray());
        Assert.Contains("$metadata#users(", sel!["@odata.context"]!.ToString());
    }

    [Fact]
    public async Task Organization_hides_mdm_authority_unless_selected_and_entity_by_id_works()
    {
        var (_, org, _) = await f.GetAsync($"v1.0/organization/{TestTenants.OrgId}");
        Assert.Equal("Contoso", org!["displayName"]!.ToString());
        Assert.Null(org["mobileDeviceManagementAuthority"]);
        Assert.EndsWith("$metadata#organization/$entity", org["@odata.context"]!.ToString());
        var (_, sel, _) = await f.GetAsync($"v1.0/organization/{TestTenants.OrgId}?$select=mobileDeviceManagementAuthority");
        Assert.Equal("unknown", sel!["mobileDeviceManagementAuthority"]!.ToString());
    }

    [Theory]
    [InlineData("startswith(displayName,'User 000')", 10)]
    [InlineData("usageLocation eq 'FR'", 84)]
    [InlineData("usageLocation eq 'FR' and accountEnabled eq false", 12)]
    [InlineData("(usageLocation eq 'FR' or usageLocation eq 'IE') and startswith(userPrincipalName,'admin')", 1)]
    [InlineData("usageLocation in ('IE', 'XX')", 1)]
    [InlineData("displayName eq 'O''Brien Admin'", 1)]
    [InlineData("assignedLicenses/any(x:x/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06)", 187)]
    [InlineData("onPremisesSyncEnabled eq true", 125)]
    [InlineData("createdDateTime ge 2024-08-01T00:00:00Z", 37)]
    [InlineData("id eq 00000001-1111-4000-8000-000000000000", 1)]
    public async Task Filter_forms_without_advanced_operators(string filter, int expected)
    {
        var (status, body, _) = await f.GetAsync($"v1.0/users?$select=id&$top=999&$filter={Uri.EscapeDataString(filter)}");
        Assert.Equal(200, status);
        Assert.Equal(expected, Value(body).Count);
    }

    [Theory]
    [InlineData("usageLocation ne 'FR'", 167)]
    [InlineData("not(usageLocation eq 'FR')", 167)]
    [InlineData("endswith(userPrincipalName,'@contoso.onmicrosoft.com')", 1)]
    [InlineData("assignedLicenses/$count eq 0", 64)]
    public async Task Advanced_filters_need_ConsistencyLevel_and_count_true(string filter, int expected)
    {
        var path = $"v1.0/users?$select=id&$top=999&$filter={Uri.EscapeDataString(filter)}";
        var (bad, err, _) = await f.GetAsync(path);
        Assert.Equal(400, bad);
        Assert.Equal("Request_UnsupportedQuery", EmulatorFixture.ErrorCode(err));
        var (bad2, _, _) = await f.GetAsync(path, headers: EmulatorFixture.Eventual); // header but no $count=true
        Assert.Equal(400, bad2);
        var (ok, body, _) = await f.GetAsync(path + "&$count=true", headers: EmulatorFixture.Eventual);
        Assert.Equal(200, ok);
        Assert.Equal(expected, Value(body).Count);
        Assert.Equal(expected, body!["@odata.count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Group_lambda_and_count_on_groups()
    {
        var (_, dyn, _) = await f.GetAsync("v1.0/groups?$filter=" + Uri.EscapeDataString("groupTypes/any(c:c eq 'DynamicMembership')"));
        Assert.Single(Value(dyn));
        var (_, lic, _) = await f.GetAsync(
            "v1.0/groups?$count=true&$filter=" + Uri.EscapeDataString("assignedLicenses/$count ne 0") + "&$select=id,assignedLicenses",
            headers: EmulatorFixture.Eventual);
        Assert.Equal("g-2", Value(lic).Single()!["id"]!.ToString());
    }

    [Fact]
    public async Task Count_segment_needs_ConsistencyLevel_and_returns_text()
    {
        var (bad, err, _) = await f.GetAsync("v1.0/users/$count");
        Assert.Equal(400, bad);
        Assert.Equal("Request_BadRequest", EmulatorFixture.ErrorCode(err));
        Assert.Equal("$count is not currently supported.", err!["error"]!["message"]!.ToString());
        var (ok, body, resp) = await f.GetAsync("v1.0/users/$count", headers: EmulatorFixture.Eventual);
        Assert.Equal(200, ok);
        Assert.Equal("text/plain", resp.Content.Headers.ContentType!.MediaType);
        Assert.Equal("251", body!.GetValue<string>());
    }

    [Fact]
    public async Task Count_true_without_header_is_silently_ignored()
    {
        var (status, body, _) = await f.GetAsync("v1.0/users?$count=true&$top=1");
        Assert.Equal(200, status);
        Assert.Null(body!["@odata.count"]);
        var (_, with, _) = await f.GetAsync("v1.0/users?$count=true&$top=1", headers: EmulatorFixture.Eventual);
        Assert.Equal(251, with!["@odata.count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filter_with_orderby_needs_advanced_query_and_orders()
    {
        var path = "v1.0/users?$select=displayName&$filter="
            + Uri.EscapeDataString("usageLocation eq 'IE' or usageLocation eq 'FR'")
            + "&$orderby=displayName desc";
        var (bad, _, _) = await f.GetAsync(path);
        Assert.Equal(400, bad);
        var (ok, body, _) = await f.GetAsync(path + "&$count=true", headers: EmulatorFixture.Eventual);
        Assert.Equal(200, ok);
        var names = Value(body).Select(n => n!["displayName"]!.ToString()).ToList();
        Assert.Equal(names.OrderByDescending(x => x, StringComparer.OrdinalIgnoreCase), names);
    }

    [Fact]
    public async Task Search_needs_ConsistencyLevel()
    {
        var path = "v1.0/users?$search=" + Uri.EscapeDataString("\"displayName:O'Brien\"");
        Assert.Equal(400, (await f.GetAsync(path)).Status);
        var (ok, body, _) = await f.GetAsync(path, headers: EmulatorFixture.Eventual);
        Assert.Equal(200, ok);
        Assert.Single(Value(body));
    }

    [Fact]
    public async Task Expand_returns_inline_navigation_only_when_asked_and_is_refused_with_advanced_queries()
    {
        var (_, plain, _) = await f.GetAsync("v1.0/deviceAppManagement/mobileApps");
        Assert.Null(Value(plain)[0]!["assignments"]);
        Assert.Equal("#microsoft.graph.win32LobApp", Value(plain)[0]!["@odata.type"]!.ToString());
        var (_, expanded, _) = await f.GetAsync("v1.0/deviceAppManagement/mobileApps?$expand=assignments");
        Assert.Equal("as-1", Value(expanded)[0]!["assignments"]![0]!["id"]!.ToString());
        Assert.Empty(Value(expanded)[1]!["assignments"]!.AsArray());
        var (_, sub, _) = await f.GetAsync("v1.0/deviceAppManagement/mobileApps/app-1/assignments");
        Assert.Equal("required", Value(sub)[0]!["intent"]!.ToString());

        var (bad, err, _) = await f.GetAsync(
            "v1.0/users?$expand=memberOf&$count=true&$filter=" + Uri.EscapeDataString("usageLocation ne 'FR'"),
            headers: EmulatorFixture.Eventual);
        Assert.Equal(400, bad);
        Assert.Equal("Request_UnsupportedQuery", EmulatorFixture.ErrorCode(err));
    }

    [Fact]
    public async Task Filtered_paging_continues_where_the_previous_page_stopped()
    {
        var ids = new List<string>();
        string? url = "v1.0/users?$top=30&$select=id&$filter=" + Uri.EscapeDataString("usageLocation eq 'FR'");
        while (url is not null)
        {
            var (_, body, _) = await f.GetAsync(url);
            ids.AddRange(Value(body).Select(v => v!["id"]!.ToString()));
            url = body!["@odata.nextLink"]?.ToString();
        }
        Assert.Equal(84, ids.Count);
        Assert.Equal(84, ids.Distinct().Count());
    }

    [Fact]
    public async Task Unknown_segment_is_400_and_unknown_id_is_404()
    {
        var (s1, b1, _) = await f.GetAsync("v1.0/usersx");
        Assert.Equal(400, s1);
        Assert.Equal("Resource not found for the segment 'usersx'.", b1!["error"]!["message"]!.ToString());
        var (s2, b2, _) = await f.GetAsync("v1.0/users/nope");
        Assert.Equal(404, s2);
        Assert.Equal("Request_ResourceNotFound", EmulatorFixture.ErrorCode(b2));
        var (s3, b3, _) = await f.GetAsync("v1.0/users?$filter=" + Uri.EscapeDataString("displayName eq 'x' and ("));
        Assert.Equal(400, s3);
        Assert.Equal("Request_UnsupportedQuery", EmulatorFixture.ErrorCode(b3));
    }

    [Fact]
    public async Task Error_bodies_carry_request_ids_and_echo_client_request_id()
    {
        var (_, body, resp) = await f.GetAsync(
            "v1.0/users/nope", headers: new Dictionary<string, string> { ["client-request-id"] = "abc-123" });
        Assert.Equal("abc-123", resp.Headers.GetValues("client-request-id").Single());
        Assert.Equal("abc-123", body!["error"]!["innerError"]!["client-request-id"]!.ToString());
        Assert.Equal(resp.Headers.GetValues("request-id").Single(), body["error"]!["innerError"]!["request-id"]!.ToString());
    }

    [Fact]
    public async Task Beta_is_served_from_its_own_keys_and_me_maps_to_the_signed_in_user()
    {
        var (_, beta, _) = await f.GetAsync("beta/users");
        Assert.Equal("Beta admin", Value(beta)[0]!["displayName"]!.ToString());
        var (status, me, _) = await f.GetAsync("v1.0/me", token: f.UserToken("User.Read.All"));
        Assert.Equal(200, status);
        Assert.Equal(TestTenants.AdminUpn, me!["userPrincipalName"]!.ToString());
    }
}
