using System.Text.Json;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.GraphSchema;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Judges the JSON bodies of the mail calls against Graph's v1.0 CSDL, as Graph's OData reader does:
/// action parameters by name (sendMail: Message, SaveToSentItems; createUploadSession: AttachmentItem),
/// every property of a message, recipient, itemBody, attachment and attachmentItem declared on its type
/// (an attachment's type named by @odata.type, derived from microsoft.graph.attachment), base64 that
/// decodes, recipients that are addresses. The first problem is Graph's 400 error.
/// </summary>
public static class MailBodyRules
{
    private const string Ns = "microsoft.graph.";

    public static JsonObject ParseObject(byte[]? body)
    {
        try
        {
            return JsonNode.Parse(body is { Length: > 0 } b ? b : "{}"u8.ToArray()) as JsonObject
                ?? throw new GraphErrorException(GraphError.BadRequest("Empty Payload. JSON content expected."));
        }
        catch (JsonException)
        {
            throw new GraphErrorException(GraphError.BadRequest(
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."));
        }
    }

    /// <summary>The action's parameters by name (OData matches them case-insensitively); an unknown one is refused.</summary>
    public static JsonNode? Parameter(JsonObject body, string action, string name, IReadOnlyList<string> declared)
    {
        foreach (var (key, _) in body)
            if (!declared.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new GraphErrorException(new GraphError(
                    400,
                    "RequestBodyRead",
                    $"The parameter '{key}' in the request payload is not a valid parameter for the operation '{action}'."));
        return body.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>A message body: known properties only, recipients that are addresses, attachments typed and decodable.</summary>
    public static void Message(JsonNode? node, bool needsRecipient)
    {
        var message = node as JsonObject
            ?? throw new GraphErrorException(new GraphError(400, "ErrorInvalidRequest", "Message is required."));
        Properties(message, Ns + "message");
        foreach (var list in new[] { "toRecipients", "ccRecipients", "bccRecipients", "replyTo" })
            foreach (var recipient in message[list] as JsonArray ?? [])
                Recipient(recipient);
        if (needsRecipient
            && (message["toRecipients"] as JsonArray ?? []).Count
                + (message["ccRecipients"] as JsonArray ?? []).Count
                + (message["bccRecipients"] as JsonArray ?? []).Count == 0)
            throw new GraphErrorException(new GraphError(
                400,
                "ErrorInvalidRecipients",
                "At least one recipient is not valid., A message can't be sent because it contains no recipients."));
        if (message["body"] is JsonObject body)
        {
            Properties(body, Ns + "itemBody");
            var type = body["contentType"]?.ToString();
            if (type is not null
                && !type.Equals("text", StringComparison.OrdinalIgnoreCase)
                && !type.Equals("html", StringComparison.OrdinalIgnoreCase))
                throw new GraphErrorException(new GraphError(400, "RequestBodyRead", $"Requested value '{type}' was not found."));
        }
        foreach (var attachment in message["attachments"] as JsonArray ?? []) FileAttachment(attachment);
    }

    /// <summary>An attachment in a message: @odata.type names a type derived from attachment; a file needs name and base64
    /// contentBytes.</summary>
    public static byte[] FileAttachment(JsonNode? node)
    {
        var attachment = node as JsonObject ?? throw new GraphErrorException(GraphError.BadRequest("An attachment must be an object."));
        var odataType = attachment["@odata.type"]?.ToString()?.TrimStart('#');
        var type = odataType is null ? Ns + "attachment" : CsdlModel.Version1.Qualify(odataType);
        if (CsdlModel.Version1.Type(type) is null || !CsdlModel.Version1.IsSameOrDerived(type, Ns + "attachment"))
            throw new GraphErrorException(new GraphError(
                400,
                "RequestBodyRead",
                $"A type named '{odataType}' could not be resolved by the model. When a model is available, each type name must "
                    + "resolve to a valid type."));
        Properties(attachment, type);
        if (!type.Equals(Ns + "fileAttachment", StringComparison.OrdinalIgnoreCase))
            throw new GraphErrorException(GraphError.BadRequest($"The emulator accepts file attachments only, not {type}."));
        if (string.IsNullOrEmpty(attachment["name"]?.ToString()))
            throw new GraphErrorException(new GraphError(400, "ErrorInvalidProperty", "The attachment name is required."));
        try
        {
            return Convert.FromBase64String(attachment["contentBytes"]?.ToString() ?? throw new FormatException());
        }
        catch (FormatException)
        {
            throw new GraphErrorException(
                new GraphError(400, "RequestBodyRead", "Cannot convert the literal to the expected type 'Edm.Binary'."));
        }
    }

    public static void AttachmentItem(JsonNode? node)
    {
        var item = node as JsonObject
            ?? throw new GraphErrorException(new GraphError(400, "ErrorInvalidRequest", "AttachmentItem is required."));
        Properties(item, Ns + "attachmentItem");
        if (!string.Equals(item["attachmentType"]?.ToString(), "file", StringComparison.OrdinalIgnoreCase))
            throw new GraphErrorException(GraphError.BadRequest("attachmentType must be 'file' for a message attachment upload session."));
        if (string.IsNullOrEmpty(item["name"]?.ToString()))
            throw new GraphErrorException(new GraphError(400, "ErrorInvalidProperty", "The attachment name is required."));
        var size = item["size"] is JsonValue v && v.TryGetValue<long>(out var s) ? s : -1;
        if (size <= 0 || size > 150L * 1024 * 1024)
            throw new GraphErrorException(new GraphError(
                400, "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize", $"Attachment size {size} is outside 1 byte to 150 MB."));
    }

    private static void Recipient(JsonNode? node)
    {
        var recipient = node as JsonObject
            ?? throw new GraphErrorException(new GraphError(400, "ErrorInvalidRecipients", "At least one recipient is not valid."));
        Properties(recipient, Ns + "recipient");
        var email = recipient["emailAddress"] as JsonObject
            ?? throw new GraphErrorException(new GraphError(400, "ErrorInvalidRecipients", "At least one recipient is not valid."));
        Properties(email, Ns + "emailAddress");
        var address = email["address"]?.ToString() ?? "";
        var at = address.IndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Contains(' '))
            throw new GraphErrorException(new GraphError(
                400,
                "ErrorInvalidRecipients",
                $"At least one recipient is not valid., Recipient '{address}' is not resolved. All recipients must be resolved "
                    + "before a message can be submitted."));
    }

    /// <summary>Every property name declared on the type or a base (annotations like @odata.type skipped).</summary>
    private static void Properties(JsonObject o, string type)
    {
        foreach (var (name, _) in o)
        {
            if (name.StartsWith('@')) continue;
            var (property, navigation) = PathResolver.Member(CsdlModel.Version1, type, name);
            if (property is null && navigation is null)
                throw new GraphErrorException(new GraphError(400, "RequestBodyRead",
                    $"The property '{name}' does not exist on type '{type}'. Make sure to only use property names that are defined "
                        + "by the type or mark the type as open type."));
        }
    }
}
