using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Mail state of one emulator run: drafts, attachment upload sessions and the messages sent. sendMail
/// and send "deliver" by appending to <see cref="Sent"/>, which the tests read (C# or GET /_emulator/mail).
/// </summary>
public sealed class MailboxStore
{
    public const string UploadPrefix = "/mailUploads/";

    private readonly ConcurrentDictionary<string, Draft> _drafts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UploadSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SentMail> _sent = new();
    private readonly ConcurrentQueue<UploadPut> _puts = new();

    public IReadOnlyList<SentMail> Sent => _sent.ToArray();
    public IReadOnlyList<UploadPut> UploadPuts => _puts.ToArray();
    public int DraftCount => _drafts.Count;

    public void Reset()
    {
        _drafts.Clear();
        _sessions.Clear();
        _sent.Clear();
        _puts.Clear();
    }

    internal void Deliver(SentMail mail) => _sent.Enqueue(mail);

    internal string AddDraft(string tenantId, string mailbox, JsonObject message)
    {
        var id = "AAMk" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', '_').Replace('+', '-');
        _drafts[id] = new Draft(tenantId, mailbox, message);
        return id;
    }

    internal Draft? FindDraft(string tenantId, string mailbox, string id) =>
        _drafts.TryGetValue(id, out var d)
            && d.TenantId == tenantId
            && string.Equals(d.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase)
                ? d
                : null;

    internal bool RemoveDraft(string id) => _drafts.TryRemove(id, out _);

    internal UploadSession AddSession(Draft draft, string name, string? contentType, long size)
    {
        var session = new UploadSession(
            Guid.NewGuid().ToString("N"), Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), draft, name, contentType, size);
        _sessions[session.Id] = session;
        return session;
    }

    internal UploadSession? FindSession(string id) => _sessions.TryGetValue(id, out var s) ? s : null;

    internal void RecordPut(UploadPut put) => _puts.Enqueue(put);

    internal sealed class Draft(string tenantId, string mailbox, JsonObject message)
    {
        public string TenantId { get; } = tenantId;
        public string Mailbox { get; } = mailbox;
        public JsonObject Message { get; } = message;
        public List<ReceivedAttachment> Attachments { get; } = [];
    }

    internal sealed class UploadSession(string id, string token, Draft draft, string name, string? contentType, long size)
    {
        public string Id { get; } = id;
        public string Token { get; } = token;
        public Draft Draft { get; } = draft;
        public string Name { get; } = name;
        public string? ContentType { get; } = contentType;
        public long Size { get; } = size;
        public MemoryStream Received { get; } = new();
        public bool Complete { get; set; }
    }
}
