using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>
/// The emulator refuses what Microsoft Graph v1.0 refuses by its schema (tests/GraphSchema), with
/// Graph's status, code and wording, before any data is read; beta is not schema-checked.
/// </summary>
public sealed class SchemaRefusalTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static string Message(JsonNode? body) => body?["error"]?["message"]?.ToString() ?? "";

    [Fact]
    public async Task Top_on_subscribedSkus_is_refused_and_the_plain_read_pages_on_the_server()
    {
        var (status, body, _) = await f.GetAsync("v1.0/subscribedSkus?$top=100");
        Assert.Equal(400, status);
        Assert.Equal("Request_BadRequest", EmulatorFixture.ErrorCode(body));
        Assert.Equal(
            "Query option 'Top' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or "
                + "QueryValidationSettings.",
            Message(body));

        var (ok, skus, _) = await f.GetAsync("v1.0/subscribedSkus");
        Assert.Equal(200, ok);
        Assert.Single(skus!["value"]!.AsArray());
    }

    [Fact]
    public async Task Top_on_directory_subscriptions_is_refused()
    {
        var (status, body, _) = await f.GetAsync("v1.0/directory/subscriptions?$top=100");
        Assert.Equal(400, status);
        Assert.StartsWith("Query option 'Top' is not allowed.", Message(body));
    }

    [Fact]
    public async Task An_unknown_select_property_is_refused_and_a_beta_one_passes_on_beta()
    {
        var (status, body, _) = await f.GetAsync("v1.0/auditLogs/signIns?$select=id,authenticationRequirement&$top=10");
        Assert.Equal(400, status);
        Assert.Equal("BadRequest", EmulatorFixture.ErrorCode(body));
        Assert.Equal("Could not find a property named 'authenticationRequirement' on type 'microsoft.graph.signIn'.", Message(body));

        var (users, userError, _) = await f.GetAsync("v1.0/users?$select=id,notAProperty");
        Assert.Equal(400, users);
        Assert.Equal("Request_BadRequest", EmulatorFixture.ErrorCode(userError));
        Assert.Equal("Could not find a property named 'notAProperty' on type 'microsoft.graph.user'.", Message(userError));

        // A derived type's property is selectable on a polymorphic set, as Graph allows.
        var (derived, _, _) = await f.GetAsync("v1.0/deviceAppManagement/mobileApps?$select=id,bundleId");
        Assert.Equal(200, derived);
    }

    [Fact]
    public async Task An_unknown_path_segment_is_refused_even_where_the_fixture_has_no_data()
    {
        var (status, body, _) = await f.GetAsync("v1.0/notAResource");
        Assert.Equal(400, status);
        Assert.Equal("Resource not found for the segment 'notAResource'.", Message(body));

        // A fixture that serves a beta-only collection under v1.0 no longer hides the mistake: Graph has no such v1.0 path.
        var tenant = Guid.NewGuid().ToString();
        var fixture = TestTenants.Build(tenant, licensed: true, users: 2, devices: 1);
        fixture["resources"]!["v1.0/policies/mobileDeviceManagementPolicies"] =
            new JsonArray(new JsonObject { ["id"] = "mdm", ["appliesTo"] = "all" });
        f.Server.AddTenant(fixture);
        var (nested, nestedBody, _) = await f.GetAsync("v1.0/policies/mobileDeviceManagementPolicies", tenant: tenant);
        Assert.Equal(400, nested);
        Assert.Equal("Resource not found for the segment 'mobileDeviceManagementPolicies'.", Message(nestedBody));
    }

    [Fact]
    public async Task Top_over_the_documented_maximum_is_refused()
    {
        var (status, body, _) = await f.GetAsync("v1.0/groups?$top=1000");
        Assert.Equal(400, status);
        Assert.Equal("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.", Message(body));
        var (ok, _, _) = await f.GetAsync("v1.0/groups?$top=999");
        Assert.Equal(200, ok);
    }

    [Fact]
    public async Task Unknown_filter_and_expand_names_are_refused_outside_Intune()
    {
        var (filter, filterBody, _) = await f.GetAsync("v1.0/groups?$filter=" + Uri.EscapeDataString("noSuchThing eq 'x'"));
        Assert.Equal(400, filter);
        Assert.Equal("Could not find a property named 'noSuchThing' on type 'microsoft.graph.group'.", Message(filterBody));

        var (expand, expandBody, _) = await f.GetAsync("v1.0/users?$expand=displayName");
        Assert.Equal(400, expand);
        Assert.Contains("is not a navigation property", Message(expandBody));

        // Intune's $filter is left to the data layer: Intune ignores a filter it does not document.
        var (intune, _, _) = await f.GetAsync(
            "v1.0/deviceManagement/managedDevices?$top=5&$filter=" + Uri.EscapeDataString("noSuchThing eq 'x'"));
        Assert.NotEqual(400, intune);
    }

    [Fact]
    public async Task Refusals_come_inside_batch_steps_too_and_beta_is_not_schema_checked()
    {
        var batch = new JsonObject
        {
            ["requests"] = new JsonArray(
                new JsonObject { ["id"] = "1", ["method"] = "GET", ["url"] = "/subscribedSkus?$top=5" },
                new JsonObject { ["id"] = "2", ["method"] = "GET", ["url"] = "/subscribedSkus" }),
        };
        var (status, body, _) = await f.SendAsync(HttpMethod.Post, "v1.0/$batch", batch);
        Assert.Equal(200, status);
        var responses = body!["responses"]!.AsArray();
        Assert.Equal(400, responses.Single(r => r!["id"]!.ToString() == "1")!["status"]!.GetValue<int>());
        Assert.Equal(200, responses.Single(r => r!["id"]!.ToString() == "2")!["status"]!.GetValue<int>());

        // No beta schema is kept: a beta path is answered from the fixture (here: there is none, so not found), never refused by schema.
        var (beta, betaBody, _) = await f.GetAsync("beta/policies/mobileDeviceManagementPolicies?$select=id,appliesTo");
        Assert.NotEqual("Resource not found for the segment 'mobileDeviceManagementPolicies'.", Message(betaBody));
        Assert.NotEqual(0, beta);
    }

    [Fact]
    public async Task An_action_called_with_GET_is_refused()
    {
        var (status, _, _) = await f.GetAsync("v1.0/organization/" + TestTenants.OrgId + "/setMobileDeviceManagementAuthority");
        Assert.Equal(405, status);
    }
}
