using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// PUT {uploadUrl}: the pre-authenticated upload URL of a message attachment session, as Exchange
/// serves it outside Graph. The authtoken in the query authorizes; an Authorization header is refused
/// (Graph's docs: do not send one) and every PUT is recorded so tests can show none arrived.
/// Ranges must come in order ("bytes {start}-{end}/{total}", at most 4 MB each, total = the session's size);
/// 200 with nextExpectedRanges ["{next}"] until the last byte, then 201 with a Location header.
/// </summary>
public static partial class AttachmentUploadEndpoint
{
    public const int MaxChunkBytes = 4 * 1024 * 1024;

    [GeneratedRegex(@"^bytes (\d+)-(\d+)/(\d+)$")]
    private static partial Regex RangePattern();

    public static async Task<GraphResponse> HandleAsync(HttpContext ctx, MailboxStore store, string path)
    {
        var id = path[MailboxStore.UploadPrefix.Length..];
        var session = store.FindSession(id);
        var range = ctx.Request.Headers.ContentRange.ToString();
        var hadAuthorization = ctx.Request.Headers.ContainsKey("Authorization");
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        var response = Judge(ctx, session, range, hadAuthorization, bytes);
        store.RecordPut(new UploadPut(id, range, bytes.Length, hadAuthorization, response.Status));
        return response;
    }

    private static GraphResponse Judge(
        HttpContext ctx, MailboxStore.UploadSession? session, string range, bool hadAuthorization, byte[] bytes)
    {
        if (session is null || ctx.Request.Query["authtoken"].ToString() != session.Token)
            return Error(401, "InvalidAuthenticationToken", "The upload URL's token is missing or wrong.");
        if (hadAuthorization)
            return Error(
                401, "InvalidAuthenticationToken", "The upload URL is pre-authenticated: an Authorization header is not accepted.");
        if (session.Complete) return Error(400, "ErrorInvalidRequest", "The upload session is already complete.");
        var match = RangePattern().Match(range);
        if (!match.Success)
            return Error(400, "ErrorInvalidContentRange", $"Content-Range '{range}' is not 'bytes {{start}}-{{end}}/{{total}}'.");
        var start = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var total = long.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        if (total != session.Size)
            return Error(400, "ErrorInvalidContentRange", $"The total {total} is not the session's size {session.Size}.");
        if (start != session.Received.Length)
            return Error(416, "ErrorInvalidContentRange", $"Expected the range to start at {session.Received.Length}.");
        if (end < start || end - start + 1 != bytes.Length)
            return Error(400, "ErrorInvalidContentRange", $"The range {start}-{end} does not match the {bytes.Length} bytes sent.");
        if (bytes.Length > MaxChunkBytes) return Error(413, "RequestEntityTooLarge", "A range may carry at most 4 MB.");
        if (!string.Equals(ctx.Request.ContentType, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
            return Error(400, "ErrorInvalidRequest", "Content-Type must be application/octet-stream.");

        session.Received.Write(bytes);
        if (session.Received.Length < session.Size)
            return MailHandler.Json(200, new JsonObject
            {
                ["expirationDateTime"] = DateTime.UtcNow.AddHours(1).ToString("o"),
                ["nextExpectedRanges"] = new JsonArray(session.Received.Length.ToString(CultureInfo.InvariantCulture)),
            });

        session.Complete = true;
        session.Draft.Attachments.Add(
            new ReceivedAttachment(session.Name, session.ContentType, session.Received.ToArray(), ViaUploadSession: true));
        var created = new GraphResponse(201, ReadOnlyMemory<byte>.Empty, null);
        created.Headers["Location"] = $"http://{ctx.Request.Host}/attachments/{session.Id}";
        return created;
    }

    private static GraphResponse Error(int status, string code, string message) =>
        new GraphError(status, code, message).ToResponse(Guid.NewGuid().ToString(), null);
}
