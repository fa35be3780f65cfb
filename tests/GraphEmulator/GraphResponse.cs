namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// One Graph answer as bytes, so the same object serves a plain HTTP response and a $batch step. The body is memory,
/// not an array, so a page or $batch written into a buffer is answered from that buffer without another copy.
/// </summary>
public sealed class GraphResponse(int status, ReadOnlyMemory<byte> body, string? contentType)
{
    public int Status { get; } = status;
    public ReadOnlyMemory<byte> Body { get; } = body;
    public string? ContentType { get; } = contentType;
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Abort the TCP connection instead of answering (fault kind connectionReset).</summary>
    public bool AbortConnection { get; init; }

    /// <summary>Truncate the body on the wire (fault kind malformedJson).</summary>
    public bool Malformed { get; set; }

    public static GraphResponse NoContent() => new(204, ReadOnlyMemory<byte>.Empty, null);
    public static GraphResponse Abort() => new(0, ReadOnlyMemory<byte>.Empty, null) { AbortConnection = true };
}
