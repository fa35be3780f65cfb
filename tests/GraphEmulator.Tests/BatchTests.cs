using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

public sealed class BatchTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static JsonObject Step(string id, string url, JsonObject? headers = null, params string[] dependsOn)
    {
        var o = new JsonObject { ["id"] = id, ["method"] = "GET", ["url"] = url };
        if (headers is not null) o["headers"] = headers;
        if (dependsOn.Length > 0) o["dependsOn"] = new JsonArray(dependsOn.Select(d => (JsonNode?)d).ToArray());
        return o;
    }

    private async Task<(int Status, JsonNode? Body)> Batch(params JsonObject[] steps)
    {
        var (status, body, _) = await f.SendAsync(HttpMethod.Post, "v1.0/$batch", new JsonObject { ["requests"] = new JsonArray(steps) });
        return (status, body);
    }

    private static JsonNode Response(JsonNode? body, string id) => body!["responses"]!.AsArray().Single(r => r!["id"]!.ToString() == id)!;

    [Fact]
    public async Task Twenty_one_requests_are_refused()
    {
        var (status, body) = await Batch(Enumerable.Range(1, 21).Select(i => Step(i.ToString(), "/organization")).ToArray());
        Assert.Equal(400, status);
        Assert.Equal("BadRequest", EmulatorFixture.ErrorCode(body));
        var (ok, _) = await Batch(Enumerable.Range(1, 20).Select(i => Step(i.ToString(), "/organization")).ToArray());
        Assert.Equal(200, ok);
    }

    [Fact]
    public async Task Inner_statuses_headers_and_bodies_are_per_step()
    {
        f.Server.ResetRequestLog();
        var (status, body) = await Batch(
            Step("1", "/users?$select=id&$top=2"),
            Step("2", "/users/$count"),
            Step("3", "/users/$count", new JsonObject { ["ConsistencyLevel"] = "eventual" }),
            Step("4", "https://graph.microsoft.com/v1.0/users"),
            Step("5", "/beta/users"),
            Step("6", "/nothingHere"));
        Assert.Equal(200, status);
        Assert.Equal(200, Response(body, "1")["status"]!.GetValue<int>());
        Assert.Equal(2, Response(body, "1")["body"]!["value"]!.AsArray().Count);
        Assert.StartsWith(f.Server.HttpUrl.ToString(), Response(body, "1")["body"]!["@odata.nextLink"]!.ToString());
        Assert.Equal(400, Response(body, "2")["status"]!.GetValue<int>());
        Assert.Equal("251", Response(body, "3")["body"]!.ToString());
        Assert.Equal(400, Response(body, "4")["status"]!.GetValue<int>());
        Assert.Equal(400, Response(body, "5")["status"]!.GetValue<int>());
        Assert.Equal(400, Response(body, "6")["status"]!.GetValue<int>());

        var log = f.Server.GetRequestLog();
        Assert.Equal(1, log.GraphRequests);
        Assert.Equal(4, log.BatchInnerRequests); // steps 4 and 5 never reach the pipeline
        Assert.All(log.Requests.Where(r => r.Path != "/v1.0/$batch"), r => Assert.True(r.InBatch));
    }

    [Fact]
    public async Task Inner_throttle_carries_its_own_Retry_After_and_dependsOn_gets_424()
    {
        var fault = f.Server.AddFault(new FaultSpec { Path = "v1.0/groups", Kind = FaultKind.Throttle, RetryAfterSeconds = 7, Count = 1 });
        try
        {
            var (status, body) = await Batch(Step("a", "/groups"), Step("b", "/organization", null, "a"), Step("c", "/organization"));
            Assert.Equal(200, status);
            var a = Response(body, "a");
            Assert.Equal(429, a["status"]!.GetValue<int>());
            Assert.Equal("7", a["headers"]!["Retry-After"]!.ToString());
            Assert.Equal(424, Response(body, "b")["status"]!.GetValue<int>());
            Assert.Equal(200, Response(body, "c")["status"]!.GetValue<int>());
        }
        finally
        {
            f.Server.ClearFaults();
        }
    }

    [Fact]
    public async Task Batch_applies_permissions_and_licence_gates_per_step()
    {
        var token = f.Token(roles: ["Organization.Read.All"]);
        var (_, body, _) = await f.SendAsync(HttpMethod.Post, "v1.0/$batch", new JsonObject
        {
            ["requests"] = new JsonArray(Step("1", "/organization"), Step("2", "/users")),
        }, token);
        Assert.Equal(200, Response(body, "1")["status"]!.GetValue<int>());
        Assert.Equal(403, Response(body, "2")["status"]!.GetValue<int>());
        Assert.Equal("Authorization_RequestDenied", Response(body, "2")["body"]!["error"]!["code"]!.ToString());
    }

    [Fact]
    public async Task Faults_inside_a_batch_reset_or_truncate_the_outer_response()
    {
        try
        {
            f.Server.AddFault(new FaultSpec { Path = "v1.0/groups", Kind = FaultKind.ConnectionReset, Count = 1 });
            await Assert.ThrowsAsync<HttpRequestException>(() => Batch(Step("1", "/groups")));
            f.Server.AddFault(new FaultSpec { Path = "v1.0/groups", Kind = FaultKind.MalformedJson, Count = 1 });
            await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => Batch(Step("1", "/groups")));
            f.Server.AddFault(new FaultSpec { Path = "v1.0/groups", Kind = FaultKind.Throttle, Count = 1, InsideBatch = false });
            var (_, body) = await Batch(Step("1", "/groups"));
            Assert.Equal(200, Response(body, "1")["status"]!.GetValue<int>());
        }
        finally
        {
            f.Server.ClearFaults();
        }
    }

    [Fact]
    public async Task Beta_batch_serves_beta_and_refuses_v1_urls()
    {
        var (status, body, _) = await f.SendAsync(HttpMethod.Post, "beta/$batch", new JsonObject
        {
            ["requests"] = new JsonArray(Step("1", "/users"), Step("2", "/v1.0/users")),
        });
        Assert.Equal(200, status);
        Assert.Equal("Beta admin", Response(body, "1")["body"]!["value"]![0]!["displayName"]!.ToString());
        Assert.Equal(400, Response(body, "2")["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Outer_batch_needs_a_valid_token()
    {
        var (status, _, _) = await f.SendAsync(
            HttpMethod.Post,
            "v1.0/$batch",
            new JsonObject { ["requests"] = new JsonArray(Step("1", "/organization")) },
            f.Token(expiresIn: -10));
        Assert.Equal(401, status);
    }
}
