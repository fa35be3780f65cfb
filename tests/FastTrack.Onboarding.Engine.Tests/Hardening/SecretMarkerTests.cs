using System.Net;
using System.Text;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// A marker planted in the access token, in a client secret and in a webhook-like URL that a hostile
/// Graph echoes in its error bodies (with the Authorization header it received) must never come
/// out: not in a dataset detail, the snapshot, a check's evidence, the log, an error, or any report.
/// Every Graph path fails in one of the fault scenarios: 401, 403, 429, $batch step errors,
/// malformed JSON, a redirect and a nextLink to another port.
/// </summary>
public sealed class SecretMarkerTests
{
    private const string Marker = "QQMARKER7";

    private static readonly CollectionOptions Options =
        new() { RequestTimeout = TimeSpan.FromSeconds(3), RunDeadline = TimeSpan.FromMinutes(1), JitterSeed = 1 };

    private static string EchoBody(HostileRequest request, string code) => JsonSerializer.Serialize(new
    {
        error = new
        {
            code,
            message = $"Denied. You sent Authorization: {request.Authorization}; "
                + $"token {request.Authorization?.Replace("Bearer ", string.Empty)}; "
                + $"post it to https://contoso.webhook.office.com/webhookb2/{Marker}@x/IncomingWebhook/{Marker}?code={Marker} "
                + $"or https://u:{Marker}@hooks.example/ with access_token={Marker}",
        },
    });

    /// <summary>One fault per path, chosen from the path so that every scenario is used across the plan.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Scenarios = new();

    private static (int Status, string Body, (string, string)[] Headers) Fault(HostileRequest request, string path, int otherPort)
    {
        // Paths take the scenarios in turn as they first appear, so each scenario meets several paths.
        var key = path.Split('?')[0].TrimStart('/');
        key = key.StartsWith("v1.0/", StringComparison.Ordinal) || key.StartsWith("beta/", StringComparison.Ordinal)
            ? key.Substring(key.IndexOf('/') + 1)
            : key;
        var scenario = Scenarios.GetOrAdd(key, _ => Scenarios.Count) % 6;
        switch (scenario)
        {
            case 0: return (401, EchoBody(request, "InvalidAuthenticationToken"), Array.Empty<(string, string)>());
            case 1: return (403, EchoBody(request, "Authorization_RequestDenied"), Array.Empty<(string, string)>());
            case 2: return (429, EchoBody(request, "TooManyRequests"), new[] { ("Retry-After", "40") });
            case 3:
                return (
                    200,
                    "{\"value\":[{\"id\":\"" + Marker + "\",\"x\":" + request.Authorization?.Length + ",\"broken\":",
                    Array.Empty<(string, string)>());
            case 4:
                return (
                    302,
                    string.Empty,
                    new[] { ("Location", $"http://127.0.0.1:{otherPort}/v1.0/elsewhere?access_token={Marker}&code={Marker}") });
            // A successful body is tenant data and is kept as sent (a singleton's whole body is), so no marker here:
            // what is tested is that the token does not follow the link.
            default:
                return (
                    200,
                    $"{{\"value\":[],\"@odata.nextLink\":\"http://127.0.0.1:{otherPort}/v1.0/next?$skiptoken=2\"}}",
                    Array.Empty<(string, string)>());
        }
    }

    private static Func<HostileRequest, Stream, Task> HostileGraph(Func<int> otherPort) => (request, stream) =>
    {
        if (request.Path.StartsWith("/v1.0/organization", StringComparison.Ordinal))
        {
            return HostileGraphServer.WriteOrganizationAsync(stream, HostileSession.TenantId);
        }

        if (request.Path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            using var batch = JsonDocument.Parse(request.Body);
            var answers = batch.RootElement.GetProperty("requests").EnumerateArray().Select(step =>
            {
                var (status, body, headers) = Fault(request, step.GetProperty("url").GetString()!, otherPort());
                // Inside a batch a broken body would break the envelope and Graph never redirects a step:
                // those steps answer an error echoing the token instead (they meet their fault when read directly).
                var inBatch = body.StartsWith("{\"value\":[{", StringComparison.Ordinal) || status == 302;
                var stepBody = inBatch ? EchoBody(request, "BadRequest") : body;
                var stepStatus = inBatch ? 400 : status;
                var headerJson = string.Join(",", headers.Select(h => $"\"{h.Item1}\":\"{h.Item2}\""));
                return $"{{\"id\":\"{step.GetProperty("id").GetString()}\",\"status\":{stepStatus},"
                    + $"\"headers\":{{{headerJson}}},\"body\":{stepBody}}}";
            });
            return HostileGraphServer.WriteAsync(stream, 200, "{\"responses\":[" + string.Join(",", answers) + "]}");
        }

        var (code, text, extra) = Fault(request, request.Path, otherPort());
        return HostileGraphServer.WriteAsync(stream, code, text, "application/json", extra);
    };

    [Fact]
    public async Task SecretMarker_NeverLeavesTheEngine_InAnyFaultScenario()
    {
        var token = HostileSession.Token(Marker);
        await using var other = new HostileGraphServer((request, stream) =>
            HostileGraphServer.WriteAsync(stream, 500, EchoBody(request, "Elsewhere")));
        await using var graph = new HostileGraphServer(HostileGraph(() => other.Port));
        var log = new RecordingLog();
        using var session = await HostileSession.ConnectAsync(graph.Url, token, log);

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var outcome = await AssessmentRunner.RunAsync(
            session, CheckSelection.All, Options with { PaceGraphAreaLimits = false }, AssessmentInputs.None, log, null, guard.Token);

        // The faults really happened, and the token really went out (to the endpoint only).
        var seen = string.Join(", ", outcome.Snapshot.Datasets.Values
            .Where(d => d.Failure != null)
            .Select(d => $"{d.Failure!.HttpStatus}/{d.Failure.GraphErrorCode}")
            .Distinct());
        Assert.True(outcome.Snapshot.Datasets.Values.Any(d => d.Failure?.HttpStatus == 401), seen);
        Assert.Contains(outcome.Snapshot.Datasets.Values, d => d.Failure?.HttpStatus == 403);
        Assert.Contains(outcome.Snapshot.Datasets.Values, d => d.Failure?.Reason == Model.Assessment.NotAssessedReason.Throttled);
        Assert.True(outcome.Snapshot.Datasets.Values.Any(d => d.Failure?.GraphErrorCode == "ForeignLink"), seen);
        Assert.Contains(graph.Requests, r => r.Path.EndsWith("/$batch", StringComparison.Ordinal));
        Assert.All(graph.Requests, r => Assert.Contains(Marker, r.Authorization));
        Assert.All(other.Requests, r => Assert.Null(r.Authorization));

        var texts = new List<(string Where, string Text)>
        {
            ("snapshot", JsonSerializer.Serialize(outcome.Snapshot)),
            ("report", JsonSerializer.Serialize(outcome.Report)),
            ("log", log.All),
        };
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            using var rendered = new MemoryStream();
            ReportExporter.Render(
                new ReportInput { Assessment = outcome.Report, GeneratedOn = DateTimeOffset.UtcNow, GeneratorVersion = "test" },
                format,
                rendered);
            texts.Add(($"{format} report", Encoding.UTF8.GetString(rendered.ToArray())));
        }

        foreach (var (where, text) in texts)
        {
            Assert.False(text.Contains(Marker, StringComparison.Ordinal), $"the marker is in the {where}: ...{Around(text)}...");
        }
    }

    [Fact]
    public async Task SecretMarker_ClientSecretAndTokenNeverInConnectErrors()
    {
        // A sign-in host that echoes what it was sent (client_secret=… in the form body) in its error.
        await using var authority = new HostileGraphServer((request, stream) => HostileGraphServer.WriteAsync(stream, 400,
            JsonSerializer.Serialize(new
            {
                error = "invalid_client",
                error_description = "Bad request body: " + request.Body + " " + request.Authorization,
            })));
        var secret = new NetworkCredential(string.Empty, "s3cret-" + Marker).SecurePassword;
        var errors = new List<Exception>();
        foreach (var request in new[]
        {
            new ConnectionRequest
            {
                Method = AuthenticationMethod.ClientSecret,
                TenantId = HostileSession.TenantId,
                ClientId = Guid.NewGuid().ToString(),
                ClientSecret = secret,
                AuthorityHost = authority.Url,
                GraphEndpoint = authority.Url,
                Timeout = TimeSpan.FromSeconds(20),
            },
            new ConnectionRequest
            {
                Method = AuthenticationMethod.AccessToken,
                AccessToken = new NetworkCredential(string.Empty, HostileSession.Token(Marker)).SecurePassword,
                GraphEndpoint = authority.Url,
                Timeout = TimeSpan.FromSeconds(20),
            },
            new ConnectionRequest
            {
                Method = AuthenticationMethod.AccessToken,
                AccessToken = new NetworkCredential(string.Empty, "not-a-jwt-" + Marker).SecurePassword,
                GraphEndpoint = authority.Url,
            },
        })
        {
            var log = new RecordingLog();
            var error = await Assert.ThrowsAnyAsync<Exception>(() => TenantConnector.ConnectAsync(request, log, CancellationToken.None));
            errors.Add(error);
            var fastTrack = Assert.IsType<FastTrackException>(error);
            foreach (var text in new[]
            {
                error.ToString(), fastTrack.RecommendedAction, log.All, Convert.ToString(fastTrack.TargetObject) ?? string.Empty,
            })
            {
                Assert.False(text.Contains(Marker, StringComparison.Ordinal), $"{fastTrack.ErrorId}: ...{Around(text)}...");
            }
        }
    }

    private static string Around(string text)
    {
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? string.Empty : text.Substring(Math.Max(0, at - 150), Math.Min(text.Length - Math.Max(0, at - 150), 300));
    }
}
