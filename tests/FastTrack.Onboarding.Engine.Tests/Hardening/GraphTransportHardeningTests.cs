using System.Text;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12, Graph transport: each defect an audit reproduced against hostile loopback servers,
/// replayed against <see cref="HostileGraphServer"/> with the real SDK pipeline.
/// </summary>
public sealed class GraphTransportHardeningTests
{
    private static readonly CollectionOptions Short =
        new() { RequestTimeout = TimeSpan.FromSeconds(3), RunDeadline = TimeSpan.FromMinutes(1), JitterSeed = 1 };

    private static Func<HostileRequest, Stream, Task> Graph(Func<HostileRequest, Stream, Task?> route) => async (request, stream) =>
    {
        if (request.Path.StartsWith("/v1.0/organization", StringComparison.Ordinal))
        {
            await HostileGraphServer.WriteOrganizationAsync(stream, HostileSession.TenantId);
            return;
        }

        var answered = route(request, stream);
        if (answered is null)
        {
            await HostileGraphServer.WriteAsync(stream, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"not here\"}}");
            return;
        }

        await answered;
    };

    private static DatasetData Failed(TenantSnapshot snapshot, string id)
    {
        var data = snapshot.Datasets[id];
        Assert.Equal(DatasetState.Failed, data.State);
        Assert.NotNull(data.Failure);
        return data;
    }

    [Fact]
    public async Task Hardening_06_ThrottleReportedAsThrottled()
    {
        // A Retry-After far beyond the request timeout: the SDK's retry handler used to sit it out
        // (up to 180 s) and the dataset read "did not answer within 3 s".
        await using var server = new HostileGraphServer(Graph((request, stream) =>
            request.Path.StartsWith("/v1.0/domains", StringComparison.Ordinal)
                ? HostileGraphServer.WriteAsync(
                    stream,
                    429,
                    "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}",
                    "application/json",
                    ("Retry-After", "40"))
                : null));
        using var session = await HostileSession.ConnectAsync(server.Url);

        var snapshot = await HostileSession.CollectAsync(session, Short, null, DatasetIds.Domains);

        var failure = Failed(snapshot, DatasetIds.Domains).Failure!;
        Assert.Equal(NotAssessedReason.Throttled, failure.Reason);
        Assert.Equal(429, failure.HttpStatus);
        Assert.Contains("40 s", failure.Message);
        Assert.DoesNotContain("did not answer", failure.Message);
    }

    [Fact]
    public async Task Hardening_09_BatchStepErrorsAreRedacted()
    {
        const string Marker = "ZZSECRETMARKER";
        var secretText = $"upstream said access_token={Marker}1 and Authorization: Bearer {Marker}2 "
            + $"(see https://hooks.example.com/webhook/{Marker}3?code={Marker}4)";
        await using var server = new HostileGraphServer(Graph((request, stream) =>
        {
            if (request.Path.StartsWith("/v1.0/$batch", StringComparison.Ordinal))
            {
                using var body = JsonDocument.Parse(request.Body);
                var answers = body.RootElement.GetProperty("requests").EnumerateArray().Select(r =>
                    $"{{\"id\":\"{r.GetProperty("id").GetString()}\",\"status\":400,"
                    + $"\"body\":{{\"error\":{{\"code\":\"BadRequest\",\"message\":{JsonSerializer.Serialize(secretText)}}}}}}}");
                return HostileGraphServer.WriteAsync(stream, 200, "{\"responses\":[" + string.Join(",", answers) + "]}");
            }

            return request.Path.StartsWith("/v1.0/", StringComparison.Ordinal)
                ? HostileGraphServer.WriteAsync(
                    stream, 400, $"{{\"error\":{{\"code\":\"BadRequest\",\"message\":{JsonSerializer.Serialize(secretText)}}}}}")
                : null;
        }));
        using var session = await HostileSession.ConnectAsync(server.Url);
        var log = new RecordingLog();

        var snapshot = await HostileSession.CollectAsync(session, Short, log, DatasetIds.Domains, DatasetIds.SubscribedSkus);

        Assert.Contains(server.Requests, r => r.Path.StartsWith("/v1.0/$batch", StringComparison.Ordinal));
        foreach (var id in new[] { DatasetIds.Domains, DatasetIds.SubscribedSkus })
        {
            var failure = Failed(snapshot, id).Failure!;
            Assert.Equal(400, failure.HttpStatus);
            Assert.Contains("upstream said", failure.Message);
            Assert.DoesNotContain(Marker, failure.Message);
        }

        Assert.DoesNotContain(Marker, JsonSerializer.Serialize(snapshot));
        Assert.DoesNotContain(Marker, log.All);
    }

    [Fact]
    public async Task Hardening_12_NextLinkToAnotherPortGetsNoToken()
    {
        await using var other = new HostileGraphServer((request, stream) => HostileGraphServer.WriteAsync(stream, 200, "{\"value\":[]}"));
        await using var server = new HostileGraphServer(Graph((request, stream) =>
            request.Path.StartsWith("/v1.0/domains", StringComparison.Ordinal)
                ? HostileGraphServer.WriteAsync(
                    stream,
                    200,
                    $"{{\"value\":[{{\"id\":\"a.example\"}}],"
                    + $"\"@odata.nextLink\":\"http://127.0.0.1:{other.Port}/v1.0/domains?$skiptoken=2\"}}")
                : null));
        using var session = await HostileSession.ConnectAsync(server.Url);

        var snapshot = await HostileSession.CollectAsync(session, Short, null, DatasetIds.Domains);

        Assert.All(other.Requests, r => Assert.Null(r.Authorization));
        var failure = Failed(snapshot, DatasetIds.Domains).Failure!;
        Assert.Equal("ForeignLink", failure.GraphErrorCode);
        Assert.Contains($"127.0.0.1:{other.Port}", failure.Message);
    }

    [Fact]
    public async Task Hardening_12_RedirectToAnotherPortGetsNoToken()
    {
        await using var other = new HostileGraphServer((request, stream) => HostileGraphServer.WriteAsync(stream, 200, "{\"value\":[]}"));
        await using var server = new HostileGraphServer(Graph((request, stream) =>
            request.Path.StartsWith("/v1.0/domains", StringComparison.Ordinal)
                ? HostileGraphServer.WriteAsync(
                    stream, 302, string.Empty, "text/plain", ("Location", $"http://127.0.0.1:{other.Port}/v1.0/domains"))
                : null));
        using var session = await HostileSession.ConnectAsync(server.Url);

        await HostileSession.CollectAsync(session, Short, null, DatasetIds.Domains);

        Assert.NotEmpty(other.Requests); // the redirect was followed, without the token
        Assert.All(other.Requests, r => Assert.Null(r.Authorization));
        Assert.All(server.Requests, r => Assert.NotNull(r.Authorization)); // the endpoint itself still gets it
    }
}
