using System.Text;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// The mail calls Send-FastTrackReport makes, after the pipeline's token, schema and permission checks
/// (PermissionTable: sendMail and send need Mail.Send; messages and attachments Mail.ReadWrite):
/// POST users/{id}/sendMail (202), POST users/{id}/messages (201 draft),
/// POST users/{id}/messages/{id}/attachments/createUploadSession (201 uploadSession whose uploadUrl is a
/// non-Graph, pre-authenticated URL under /mailUploads/), POST users/{id}/messages/{id}/send (202).
/// </summary>
public static class MailHandler
{
    /// <summary>Graph's request size limit (4 MB) and its limit for an attachment sent in one request (under 3 MB).</summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;
    public const int MaxInlineAttachmentBytes = 3 * 1024 * 1024;

    public static bool Handles(string method, string[] noVersion) => method == "POST" && noVersion.Length >= 3
        && noVersion[0].Equals("users", StringComparison.OrdinalIgnoreCase)
        && (Is(noVersion, "sendMail")
            || Is(noVersion, "messages")
            || Is(noVersion, "messages", null, "send")
            || Is(noVersion, "messages", null, "attachments", "createUploadSession"));

    private static bool Is(string[] segs, params string?[] tail) =>
        segs.Length == 2 + tail.Length
            && tail.Select((t, i) => t is null || segs[2 + i].Equals(t, StringComparison.OrdinalIgnoreCase)).All(x => x);

    public static GraphResponse Handle(GraphRequest req, TenantState tenant, MailboxStore store, string[] noVersion)
    {
        if (req.Body is { Length: > MaxRequestBytes })
            throw new GraphErrorException(new GraphError(413, "RequestEntityTooLarge", "The maximum request length supported is 4MB."));
        var mailbox = Mailbox(tenant, Uri.UnescapeDataString(noVersion[1]));
        var body = MailBodyRules.ParseObject(req.Body);
        if (Is(noVersion, "sendMail"))
        {
            var message = MailBodyRules.Parameter(body, "sendMail", "Message", ["Message", "SaveToSentItems"]);
            MailBodyRules.Message(message, needsRecipient: true);
            var attachments = (message!["attachments"] as JsonArray ?? []).Select(a => Inline(a)).ToList();
            store.Deliver(new SentMail(tenant.Id, mailbox, "sendMail", (JsonObject)message.DeepClone(), attachments));
            return new GraphResponse(202, ReadOnlyMemory<byte>.Empty, null);
        }
        if (Is(noVersion, "messages"))
        {
            MailBodyRules.Message(body, needsRecipient: false);
            var attachments = (body["attachments"] as JsonArray ?? []).Select(a => Inline(a)).ToList();
            var id = store.AddDraft(tenant.Id, mailbox, (JsonObject)body.DeepClone());
            store.FindDraft(tenant.Id, mailbox, id)!.Attachments.AddRange(attachments);
            var created = (JsonObject)body.DeepClone();
            created.Remove("attachments");
            created["@odata.context"] = $"{req.BaseUrl}/v1.0/$metadata#users('{mailbox}')/messages/$entity";
            created["id"] = id;
            created["isDraft"] = true;
            created["hasAttachments"] = attachments.Count > 0;
            return Json(201, created);
        }

        var draft = store.FindDraft(tenant.Id, mailbox, Uri.UnescapeDataString(noVersion[3]))
            ?? throw new GraphErrorException(new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store."));
        if (Is(noVersion, "messages", null, "send"))
        {
            if (body.Count > 0) throw new GraphErrorException(GraphError.BadRequest("The send action takes no request body."));
            MailBodyRules.Message(draft.Message, needsRecipient: true);
            store.RemoveDraft(noVersion[3]);
            store.Deliver(new SentMail(tenant.Id, mailbox, "send", draft.Message, draft.Attachments.ToArray()));
            return new GraphResponse(202, ReadOnlyMemory<byte>.Empty, null);
        }

        var item = MailBodyRules.Parameter(body, "createUploadSession", "AttachmentItem", ["AttachmentItem"]);
        MailBodyRules.AttachmentItem(item);
        var session = store.AddSession(draft, item!["name"]!.ToString(), item["contentType"]?.ToString(), item["size"]!.GetValue<long>());
        var expires = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ");
        return Json(201, new JsonObject
        {
            ["@odata.context"] = $"{req.BaseUrl}/v1.0/$metadata#microsoft.graph.uploadSession",
            // Not a Graph URL: the token is in the query, as Exchange's is; the bearer token must not come here.
            ["uploadUrl"] = $"{req.BaseUrl}{MailboxStore.UploadPrefix}{session.Id}?authtoken={session.Token}",
            ["expirationDateTime"] = expires,
            ["nextExpectedRanges"] = new JsonArray("0-"),
        });
    }

    private static ReceivedAttachment Inline(JsonNode? node)
    {
        var bytes = MailBodyRules.FileAttachment(node);
        if (bytes.Length >= MaxInlineAttachmentBytes)
            throw new GraphErrorException(new GraphError(
                413,
                "RequestEntityTooLarge",
                "Attachments of 3 MB or more must be added with an upload session (attachments/createUploadSession)."));
        return new ReceivedAttachment(node!["name"]!.ToString(), node["contentType"]?.ToString(), bytes, ViaUploadSession: false);
    }

    /// <summary>The mailbox by id or UPN, as Graph resolves users/{id | userPrincipalName}.</summary>
    private static string Mailbox(TenantState tenant, string idOrUpn)
    {
        tenant.Lock.EnterReadLock();
        try
        {
            var users = (tenant.Resources.GetValueOrDefault("v1.0/users") ?? tenant.Resources.GetValueOrDefault("users")) as JsonArray;
            var user = users is null ? null : tenant.FindById(users, idOrUpn);
            return user?["userPrincipalName"]?.ToString() ?? user?["id"]?.ToString()
                ?? throw new GraphErrorException(new GraphError(404, "ErrorInvalidUser", $"The requested user '{idOrUpn}' is invalid."));
        }
        finally
        {
            tenant.Lock.ExitReadLock();
        }
    }

    internal static GraphResponse Json(int status, JsonObject body) =>
        new(status, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");
}
