using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>
/// The emulator's mail endpoints are as strict as Graph: bodies judged against the v1.0 CSDL, Mail.Send /
/// Mail.ReadWrite enforced, upload ranges in order, and the pre-authenticated upload URL refusing a bearer token.
/// </summary>
public sealed class MailEndpointTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private const string Mailbox = "v1.0/users/" + TestTenants.AdminUpn;

    private string MailToken() => f.Token(roles: ["Mail.Send", "Mail.ReadWrite"]);

    private static JsonObject Message(JsonNode? extra = null)
    {
        var message = new JsonObject
        {
            ["subject"] = "s",
            ["body"] = new JsonObject { ["contentType"] = "HTML", ["content"] = "<p>x</p>" },
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = "team@contoso.com" } }),
        };
        if (extra is JsonObject more) foreach (var (k, v) in more) message[k] = v?.DeepClone();
        return message;
    }

    [Fact]
    public async Task SendMail_refuses_unknown_properties_untyped_attachments_bad_base64_and_no_recipients()
    {
        var token = MailToken();
        async Task<(int, string?)> Send(JsonObject body)
        {
            var (status, answer, _) = await f.SendAsync(HttpMethod.Post, Mailbox + "/sendMail", body, token);
            return (status, EmulatorFixture.ErrorCode(answer));
        }

        Assert.Equal((400, "RequestBodyRead"), await Send(new JsonObject { ["message"] = Message(new JsonObject { ["colour"] = "red" }) }));
        Assert.Equal((400, "RequestBodyRead"), await Send(new JsonObject { ["message"] = Message(), ["urgent"] = true }));
        Assert.Equal((400, "RequestBodyRead"), await Send(new JsonObject
        {
            ["message"] = Message(new JsonObject
            {
                ["attachments"] = new JsonArray(new JsonObject { ["name"] = "a.html", ["contentBytes"] = "eA==" }),
            }),
        }));
        Assert.Equal((400, "RequestBodyRead"), await Send(new JsonObject
        {
            ["message"] = Message(new JsonObject
            {
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.fileAttachment",
                    ["name"] = "a.html",
                    ["contentBytes"] = "not base64!",
                }),
            }),
        }));
        var noRecipients = Message();
        noRecipients.Remove("toRecipients");
        Assert.Equal((400, "ErrorInvalidRecipients"), await Send(new JsonObject { ["message"] = noRecipients }));
        Assert.Equal(
            (404, "ErrorInvalidUser"),
            (await f.SendAsync(
                HttpMethod.Post,
                "v1.0/users/ghost@contoso.onmicrosoft.com/sendMail",
                new JsonObject { ["message"] = Message() },
                token)) is var (s, b, _)
                    ? (s, EmulatorFixture.ErrorCode(b))
                    : default);
        Assert.DoesNotContain(f.Server.SentMail, m => m.From.StartsWith("ghost", StringComparison.Ordinal));

        var ok = await Send(new JsonObject
        {
            ["message"] = Message(new JsonObject
            {
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.fileAttachment",
                    ["name"] = "a.html",
                    ["contentBytes"] = "eA==",
                }),
            }),
            ["saveToSentItems"] = true,
        });
        Assert.Equal(202, ok.Item1);
    }

    [Fact]
    public async Task SendMail_needs_Mail_Send_and_drafts_need_Mail_ReadWrite()
    {
        var readOnly = f.Token(roles: ["User.Read.All"]);
        Assert.Equal(
            403, (await f.SendAsync(HttpMethod.Post, Mailbox + "/sendMail", new JsonObject { ["message"] = Message() }, readOnly)).Status);
        Assert.Equal(403, (await f.SendAsync(HttpMethod.Post, Mailbox + "/messages", Message(), f.Token(roles: ["Mail.Send"]))).Status);
        Assert.Equal(
            201, (await f.SendAsync(HttpMethod.Post, Mailbox + "/messages", Message(), f.Token(roles: ["Mail.ReadWrite"]))).Status);
    }

    [Fact]
    public async Task Upload_URL_refuses_a_bearer_token_and_out_of_order_ranges_and_assembles_the_bytes()
    {
        var token = MailToken();
        var (_, draft, _) = await f.SendAsync(HttpMethod.Post, Mailbox + "/messages", Message(), token);
        var messagePath = Mailbox + "/messages/" + draft!["id"];
        var content = Encoding.UTF8.GetBytes(new string('h', 700_000));
        var (status, session, _) = await f.SendAsync(HttpMethod.Post, messagePath + "/attachments/createUploadSession",
            new JsonObject
            {
                ["AttachmentItem"] = new JsonObject { ["attachmentType"] = "file", ["name"] = "r.html", ["size"] = content.Length },
            },
            token);
        Assert.Equal(201, status);
        var uploadUrl = new Uri(session!["uploadUrl"]!.ToString());
        Assert.DoesNotContain("/v1.0/", uploadUrl.AbsolutePath);

        async Task<int> Put(int start, int length, string? bearer = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl)
            {
                Content = new ByteArrayContent(content, start, length),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(start, start + length - 1, content.Length);
            if (bearer != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var response = await f.Http.SendAsync(request);
            return (int)response.StatusCode;
        }

        Assert.Equal(401, await Put(0, 327_680, bearer: token));
        Assert.Equal(416, await Put(327_680, 327_680));
        Assert.Equal(200, await Put(0, 327_680));
        Assert.Equal(201, await Put(327_680, content.Length - 327_680));
        var sent = await f.SendAsync(HttpMethod.Post, messagePath + "/send", null, token);
        Assert.Equal(202, sent.Status);
        var mail = f.Server.SentMail.Last(m => m.Route == "send");
        Assert.Equal(content, Assert.Single(mail.Attachments).Content);
        Assert.Contains(f.Server.UploadPuts, p => p.HadAuthorization && p.Status == 401);
    }
}
