using System.Security.Cryptography;
using System.Text;
using FastTrack.Onboarding.Engine.Notifications;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Notifications;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Notifications;

/// <summary>
/// Send-FastTrackReport's mail channel through the real connector and Graph SDK pipeline against the
/// emulator's sendMail, draft messages, attachment upload sessions and send, which judge every body
/// against Graph's v1.0 schema.
/// </summary>
public sealed class MailSendTests
{
    private static readonly DeliveryOptions Options =
        new() { RequestTimeout = TimeSpan.FromSeconds(30), Deadline = TimeSpan.FromSeconds(60) };

    private static MailRequest Mail(byte[]? html) => new()
    {
        From = DemoTenant.AdminUpn,
        To = ["it-team@contosodemo.com", "pm@contosodemo.com"],
        Subject = "FastTrack onboarding summary: Contoso",
        BodyHtml = MailBodyBuilder.Build(ReportSummary.From(SampleAssessment.Build(), null), html != null),
        AttachmentName = "fasttrack-contoso.html",
        Attachment = html,
    };

    /// <summary>An HTML document of about <paramref name="bytes"/> bytes with varied content (not one repeated byte).</summary>
    private static byte[] Html(int bytes)
    {
        var text = new StringBuilder("<!DOCTYPE html><html><body><table>");
        for (var i = 0; text.Length < bytes - 40; i++) text.Append("<tr><td>row ").Append(i).Append("</td><td>")
            .Append(Convert.ToHexString(SHA256.HashData(BitConverter.GetBytes(i)))).Append("</td></tr>");
        return Encoding.UTF8.GetBytes(text.Append("</table></body></html>").ToString());
    }

    [Fact]
    public async Task A_small_report_goes_inline_in_one_sendMail_that_Graph_accepts()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), "Mail.Send");
        var html = Html(200_000);
        var outcome = await MailReportSender.SendAsync(t.Session, Mail(html), Options, new RecordingLog(), CancellationToken.None);

        Assert.Null(outcome.Failure);
        var delivery = outcome.Delivery;
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal(AttachmentTransfer.Inline, delivery.Attachment);
        Assert.Equal(html.Length, delivery.AttachmentBytes);
        Assert.Equal(["it-team@contosodemo.com", "pm@contosodemo.com"], delivery.Recipients);
        Assert.Equal(0, delivery.UploadChunks);
        // The request carries the report in base64 (4/3 of it) plus the envelope, and the size was known before encoding.
        Assert.InRange(delivery.PayloadBytes, (html.Length + 2) / 3 * 4, (html.Length + 2) / 3 * 4 + 20_000);
        Assert.Equal(MailMessageJson.InlineSendMailBytes(Mail(html)), delivery.PayloadBytes);

        var sent = Assert.Single(t.Emulator.SentMail);
        Assert.Equal("sendMail", sent.Route);
        Assert.Equal(DemoTenant.AdminUpn, sent.From);
        Assert.Equal("FastTrack onboarding summary: Contoso", sent.Subject);
        Assert.Equal(["it-team@contosodemo.com", "pm@contosodemo.com"], sent.To);
        Assert.Equal("HTML", sent.Message["body"]!["contentType"]!.ToString());
        Assert.Contains(SampleAssessment.TenantName, sent.Message["body"]!["content"]!.ToString());
        var wire = Assert.Single(sent.Message["attachments"]!.AsArray());
        Assert.Equal("#microsoft.graph.fileAttachment", wire!["@odata.type"]!.ToString());
        Assert.Equal("fasttrack-contoso.html", wire["name"]!.ToString());
        Assert.Equal(html, Convert.FromBase64String(wire["contentBytes"]!.ToString()));
        var attachment = Assert.Single(sent.Attachments);
        Assert.False(attachment.ViaUploadSession);
        Assert.Equal(html, attachment.Content);
        Assert.Empty(t.Emulator.UploadPuts);
        var log = t.Emulator.GetRequestLog();
        Assert.Equal(202, Assert.Single(log.Requests, r => r.Path.EndsWith("/sendMail")).Status);
    }

    [Fact]
    public async Task A_report_over_3_MB_goes_through_an_upload_session_without_the_bearer_token()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), "Mail.Send", "Mail.ReadWrite");
        var html = Html(3_500_000);
        Assert.True(MailMessageJson.InlineSendMailBytes(Mail(html)) > MailReportSender.InlineRequestLimitBytes);
        var outcome = await MailReportSender.SendAsync(t.Session, Mail(html), Options, new RecordingLog(), CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(DeliveryStatus.Sent, outcome.Delivery.Status);
        Assert.Equal(AttachmentTransfer.UploadSession, outcome.Delivery.Attachment);
        Assert.Equal(2, outcome.Delivery.UploadChunks);

        var puts = t.Emulator.UploadPuts;
        Assert.Equal(2, puts.Count);
        Assert.All(puts, p => Assert.False(p.HadAuthorization, "the Graph bearer token reached the pre-authenticated upload URL"));
        Assert.Equal([200, 201], puts.Select(p => p.Status));
        Assert.Equal($"bytes 0-{AttachmentUploader.ChunkBytes - 1}/{html.Length}", puts[0].ContentRange);
        Assert.Equal(0, puts[0].Bytes % (320 * 1024));
        Assert.All(puts, p => Assert.True(p.Bytes <= 4 * 1024 * 1024));
        Assert.Equal(html.Length, puts.Sum(p => p.Bytes));

        var sent = Assert.Single(t.Emulator.SentMail);
        Assert.Equal("send", sent.Route);
        Assert.Equal(["it-team@contosodemo.com", "pm@contosodemo.com"], sent.To);
        var attachment = Assert.Single(sent.Attachments);
        Assert.True(attachment.ViaUploadSession);
        Assert.Equal("fasttrack-contoso.html", attachment.Name);
        Assert.Equal(html, attachment.Content); // the chunks reassemble to the very bytes
        Assert.Equal(0, t.Emulator.State.Mail.DraftCount);

        var graph = t.Emulator.GetRequestLog().Requests.Select(r => (r.Method, Path: r.Path, r.Status)).ToList();
        Assert.Contains(graph, r => r.Method == "POST" && r.Path.EndsWith("/messages") && r.Status == 201);
        Assert.Contains(graph, r => r.Path.EndsWith("/attachments/createUploadSession") && r.Status == 201);
        Assert.Contains(graph, r => r.Path.EndsWith("/send") && r.Status == 202);
        Assert.DoesNotContain(graph, r => r.Path.EndsWith("/sendMail"));
    }

    [Fact]
    public async Task Without_Mail_Send_the_error_names_Mail_Send_and_nothing_is_sent()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), "User.Read.All");
        var outcome = await MailReportSender.SendAsync(t.Session, Mail(Html(10_000)), Options, new RecordingLog(), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Failed, outcome.Delivery.Status);
        Assert.Equal(ErrorIds.MailPermissionMissing, outcome.Failure!.ErrorId);
        Assert.Equal(FailureKind.PermissionDenied, outcome.Failure.Kind);
        Assert.Contains("Mail.Send", outcome.Failure.Message);
        Assert.Contains("Mail.Send", outcome.Failure.RecommendedAction);
        Assert.Equal(outcome.Failure.ErrorId, outcome.Delivery.ErrorId);
        Assert.Empty(t.Emulator.SentMail);
        Assert.Equal(403, Assert.Single(t.Emulator.GetRequestLog().Requests, r => r.Path.EndsWith("/sendMail")).Status);
    }

    [Fact]
    public async Task A_large_report_without_Mail_ReadWrite_names_both_permissions()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), "Mail.Send");
        var outcome = await MailReportSender.SendAsync(
            t.Session, Mail(Html(3_200_000)), Options, new RecordingLog(), CancellationToken.None);

        Assert.Equal(ErrorIds.MailPermissionMissing, outcome.Failure!.ErrorId);
        Assert.Contains("Mail.ReadWrite", outcome.Failure.Message);
        Assert.Empty(t.Emulator.SentMail);
    }

    [Fact]
    public async Task An_unknown_sending_mailbox_is_reported_as_not_found()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), "Mail.Send");
        var outcome = await MailReportSender.SendAsync(
            t.Session,
            Mail(null) with { From = "nobody@contosodemo.onmicrosoft.com" },
            Options,
            new RecordingLog(),
            CancellationToken.None);

        Assert.Equal(ErrorIds.MailFailed, outcome.Failure!.ErrorId);
        Assert.Equal(FailureKind.ObjectNotFound, outcome.Failure.Kind);
        Assert.Contains("nobody@contosodemo.onmicrosoft.com", outcome.Failure.Message);
        Assert.Equal(AttachmentTransfer.None, outcome.Delivery.Attachment);
    }

    [Fact]
    public async Task A_throttled_sendMail_is_retried_after_Retry_After_and_delivered_once()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), "Mail.Send");
        t.Emulator.AddFault(new FaultSpec
        {
            Path = $"v1.0/users/{DemoTenant.AdminUpn}/sendMail",
            Method = "POST",
            Kind = FaultKind.Throttle,
            RetryAfterSeconds = 1,
            Count = 1,
        });
        var outcome = await MailReportSender.SendAsync(t.Session, Mail(Html(5_000)), Options, new RecordingLog(), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, outcome.Delivery.Status);
        Assert.Single(t.Emulator.SentMail);
        Assert.Equal([429, 202], t.Emulator.GetRequestLog().Requests.Where(r => r.Path.EndsWith("/sendMail")).Select(r => r.Status));
    }
}
