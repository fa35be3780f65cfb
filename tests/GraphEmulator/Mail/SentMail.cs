using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>One message the emulator "delivered": who sent it, the message JSON as received, and its attachments' bytes.</summary>
public sealed record SentMail(string TenantId, string From, string Route, JsonObject Message, IReadOnlyList<ReceivedAttachment> Attachments)
{
    public string? Subject => Message["subject"]?.ToString();
    public IReadOnlyList<string> To => (Message["toRecipients"] as JsonArray ?? [])
        .Select(r => r?["emailAddress"]?["address"]?.ToString() ?? "")
        .ToArray();
}

/// <summary>An attachment as the mailbox holds it. ViaUploadSession: assembled from PUT chunks rather than sent inline.</summary>
public sealed record ReceivedAttachment(string Name, string? ContentType, byte[] Content, bool ViaUploadSession);

/// <summary>One PUT to an upload URL: its range, size, whether an Authorization header came with it (it must not), and the
/// answer.</summary>
public sealed record UploadPut(string SessionId, string? ContentRange, int Bytes, bool HadAuthorization, int Status);
