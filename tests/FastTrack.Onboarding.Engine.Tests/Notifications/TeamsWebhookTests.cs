using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Notifications;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator.Teams;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Notifications;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Notifications;

/// <summary>
/// Send-FastTrackReport's Teams channel against a real loopback webhook stand-in that validates the
/// Adaptive Card as Teams does: the card's content, and every way the channel fails.
/// </summary>
public sealed class TeamsWebhookTests
{
    private const string Marker = "SECRETMARKER-teams-7d1";
    private static readonly DeliveryOptions Fast = new() { RequestTimeout = TimeSpan.FromSeconds(10), Deadline = TimeSpan.FromSeconds(20) };

    private static ReportSummary Summary(int top = 3) => ReportSummary.From(SampleAssessment.Build(), null, top);

    [Fact]
    public async Task Card_carries_tenant_counts_per_status_and_the_worst_items_first()
    {
        await using var teams = await TeamsWebhookStandIn.StartAsync(Marker);
        var outcome = await TeamsWebhookSender.SendAsync(
            WebhookAddress.Parse(teams.WebhookUrl.ToString()), Summary(), Fast, new RecordingLog(), CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(DeliveryStatus.Sent, outcome.Delivery.Status);
        Assert.Equal("webhook at 127.0.0.1", outcome.Delivery.Destination);
        Assert.Equal(1, outcome.Delivery.Attempts);
        var received = Assert.Single(teams.Received);
        Assert.Equal(202, received.Status);
        Assert.False(received.HadAuthorization);
        Assert.Equal(received.Payload.Length, outcome.Delivery.PayloadBytes);
        Assert.Equal("application/vnd.microsoft.card.adaptive", received.Message!["attachments"]![0]!["contentType"]!.ToString());

        var card = received.Card!;
        Assert.Equal("AdaptiveCard", card["type"]!.ToString());
        Assert.Equal("1.4", card["version"]!.ToString());
        var texts = card["body"]!.AsArray().Where(e => e!["type"]!.ToString() == "TextBlock").Select(e => e!["text"]!.ToString()).ToList();
        Assert.Contains(texts, t => t.Contains(SampleAssessment.TenantName) && t.Contains("FastTrack onboarding summary"));
        Assert.Contains(texts, t => t.Contains(SampleAssessment.TenantId));
        var facts = card["body"]!.AsArray().First(e => e!["type"]!.ToString() == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => f!["title"]!.ToString(), f => f!["value"]!.ToString());
        Assert.Equal("3", facts["Configured"]);
        Assert.Equal("2", facts["Partial"]);
        Assert.Equal("4", facts["NotConfigured"]);
        Assert.Equal("1", facts["NotAssessed"]);
        Assert.Equal("1", facts["Info"]);
        Assert.Equal("0", facts["NotApplicable"]);

        // Top 3 of 7 open items: NotConfigured first, by phase then id; then the count of the rest.
        var items = texts.Where(t => t.StartsWith("NotConfigured:") || t.StartsWith("Partial:") || t.StartsWith("NotAssessed:")).ToList();
        Assert.Equal(
            [
                "NotConfigured: FT-INITIATE-LIC-01 Title of FT-INITIATE-LIC-01",
                "NotConfigured: FT-ASSESS-ID-05 Title of FT-ASSESS-ID-05",
                "NotConfigured: FT-ASSESS-ID-07 Title of FT-ASSESS-ID-07",
            ],
            items);
        Assert.Contains("Assign Microsoft 365 E3 licences.", texts);
        Assert.Contains(texts, t => t.StartsWith("…and 4 more open items"));
    }

    [Fact]
    public async Task Connectivity_section_and_a_long_list_stay_under_the_28_KB_limit()
    {
        var many = SampleAssessment.Build() with
        {
            Results = Enumerable.Range(1, 400).Select(i => new Model.Assessment.CheckResult
            {
                CheckId = $"FT-ASSESS-X-{i:000}",
                Title = new string('t', 250),
                Status = Model.Assessment.CheckStatus.NotConfigured,
                Remediation = new string('r', 280),
            }).ToList(),
        };
        var network = new Model.Connectivity.ConnectivityReport
        {
            ProbeCount = 12,
            Summaries =
            [
                new Model.Connectivity.ConnectivitySummary
                {
                    ServiceArea = "Exchange",
                    Required = true,
                    Probes = 5,
                    Reachable = 3,
                    Verdict = Model.Connectivity.ConnectivityVerdict.Failed,
                },
            ],
        };
        await using var teams = await TeamsWebhookStandIn.StartAsync();
        var outcome = await TeamsWebhookSender.SendAsync(
            WebhookAddress.Parse(teams.WebhookUrl.ToString()),
            ReportSummary.From(many, network, 50),
            Fast,
            new RecordingLog(),
            CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, outcome.Delivery.Status);
        var payload = Assert.Single(teams.Received).Payload;
        Assert.True(payload.Length <= AdaptiveCardValidator.MaxMessageBytes, $"{payload.Length} bytes");
        var text = Encoding.UTF8.GetString(payload);
        Assert.Contains("Network connectivity", text);
        Assert.Matches(@"Exchange \(\w+\): Failed", JsonDocument.Parse(payload).RootElement.ToString());
        Assert.Matches(@"and \d+ more open items", JsonDocument.Parse(payload).RootElement.ToString());
    }

    [Fact]
    public async Task Stand_in_refuses_a_malformed_card_with_400_and_the_sender_reports_it()
    {
        await using var teams = await TeamsWebhookStandIn.StartAsync();
        using var http = new HttpClient();
        var wrongVersion = """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":"""
            + """{"type":"AdaptiveCard","version":"2.0","body":[{"type":"TextBlock","text":"x"}]}}]}""";
        var noBody = """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":"""
            + """{"type":"AdaptiveCard","version":"1.4","body":[]}}]}""";
        var wrongType = """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{}}]}""";
        foreach (var bad in new[] { wrongVersion, noBody, wrongType, "{not json" })
        {
            var answer = await http.PostAsync(teams.WebhookUrl, new StringContent(bad, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        teams.Answer(400, body: "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 400");
        var outcome = await TeamsWebhookSender.SendAsync(
            WebhookAddress.Parse(teams.WebhookUrl.ToString()), Summary(), Fast, new RecordingLog(), CancellationToken.None);
        Assert.Equal(DeliveryStatus.Failed, outcome.Delivery.Status);
        Assert.Equal(ErrorIds.WebhookRejected, outcome.Failure!.ErrorId);
        Assert.Equal(FailureKind.InvalidData, outcome.Failure.Kind);
        Assert.Contains("400", outcome.Failure.Message);
        Assert.Equal(1, outcome.Delivery.Attempts);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_then_succeeds()
    {
        await using var teams = await TeamsWebhookStandIn.StartAsync();
        teams.Answer(429, retryAfterSeconds: 1);
        var log = new RecordingLog();
        var watch = Stopwatch.StartNew();
        var outcome = await TeamsWebhookSender.SendAsync(
            WebhookAddress.Parse(teams.WebhookUrl.ToString()), Summary(), Fast, log, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, outcome.Delivery.Status);
        Assert.Equal(2, outcome.Delivery.Attempts);
        Assert.Equal([429, 202], teams.Received.Select(r => r.Status));
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), "the Retry-After was not waited out");
        Assert.Contains("retrying in 1 s", log.All);
    }

    [Fact]
    public async Task A_Retry_After_past_the_deadline_is_reported_as_throttled_not_waited_out()
    {
        await using var teams = await TeamsWebhookStandIn.StartAsync();
        teams.Answer(429, retryAfterSeconds: 600);
        var outcome = await TeamsWebhookSender.SendAsync(
            WebhookAddress.Parse(teams.WebhookUrl.ToString()), Summary(), Fast, new RecordingLog(), CancellationToken.None);

        Assert.Equal(ErrorIds.WebhookThrottled, outcome.Failure!.ErrorId);
        Assert.Equal(FailureKind.LimitsExceeded, outcome.Failure.Kind);
        Assert.Contains("600 s", outcome.Failure.Message);
        Assert.Single(teams.Received);
    }

    [Fact]
    public async Task A_500_fails_the_channel_as_unavailable()
    {
        await using var teams = await TeamsWebhookStandIn.StartAsync();
        teams.Answer(500, body: "internal");
        var outcome = await TeamsWebhookSender.SendAsync(
            WebhookAddress.Parse(teams.WebhookUrl.ToString()), Summary(), Fast, new RecordingLog(), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Failed, outcome.Delivery.Status);
        Assert.Equal(ErrorIds.WebhookFailed, outcome.Failure!.ErrorId);
        Assert.Equal(FailureKind.ResourceUnavailable, outcome.Failure.Kind);
        Assert.Contains("500", outcome.Delivery.Error);
    }

    [Fact]
    public async Task An_unreachable_webhook_is_a_connection_error_without_the_URL()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var url = $"http://127.0.0.1:{port}/webhookb2/{Marker}/IncomingWebhook/{Marker}";
        var outcome = await TeamsWebhookSender.SendAsync(
            WebhookAddress.Parse(url), Summary(), Fast, new RecordingLog(), CancellationToken.None);

        Assert.Equal(ErrorIds.WebhookUnreachable, outcome.Failure!.ErrorId);
        Assert.Equal(FailureKind.ConnectionError, outcome.Failure.Kind);
        Assert.DoesNotContain(Marker, outcome.Failure.Message + outcome.Failure.RecommendedAction + outcome.Delivery);
    }

    [Fact]
    public async Task Cancellation_stops_a_Retry_After_wait_at_once()
    {
        await using var teams = await TeamsWebhookStandIn.StartAsync();
        teams.Answer(429, retryAfterSeconds: 60);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TeamsWebhookSender.SendAsync(
                WebhookAddress.Parse(teams.WebhookUrl.ToString()),
                Summary(),
                new DeliveryOptions { Deadline = TimeSpan.FromMinutes(5) },
                new RecordingLog(),
                cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_webhook_URL_never_appears_in_logs_results_or_errors()
    {
        await using var teams = await TeamsWebhookStandIn.StartAsync(Marker);
        Assert.Contains(Marker, teams.WebhookUrl.ToString());
        var address = WebhookAddress.Parse(teams.WebhookUrl.ToString());
        var log = new RecordingLog();
        var seen = new List<string> { address.ToString(), address.Description };
        foreach (var status in new[] { 202, 400, 429, 500, 404 })
        {
            if (status != 202) teams.Answer(status, retryAfterSeconds: status == 429 ? 600 : null, body: "echo " + teams.WebhookUrl);
            var outcome = await TeamsWebhookSender.SendAsync(address, Summary(), Fast, log, CancellationToken.None);
            seen.Add(JsonSerializer.Serialize(outcome.Delivery));
            seen.Add(outcome.Delivery.ToString());
            if (outcome.Failure != null) seen.Add(outcome.Failure.Message + outcome.Failure.RecommendedAction + outcome.Failure);
        }

        seen.Add(log.All);
        var malformed = Assert.Throws<FastTrackException>(() => WebhookAddress.Parse("htps:/" + Marker));
        seen.Add(malformed.Message + malformed.RecommendedAction);
        var plain = Assert.Throws<FastTrackException>(() => WebhookAddress.Parse("http://example.com/" + Marker));
        seen.Add(plain.Message + plain.RecommendedAction);
        Assert.All(seen, text => Assert.DoesNotContain(Marker, text));
        Assert.Contains(teams.Received, r => r.Status == 202);
    }
}
