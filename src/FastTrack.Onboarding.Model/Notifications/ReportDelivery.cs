using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Notifications
{
    /// <summary>
    /// One channel's outcome of Send-FastTrackReport: what was sent, where (never a webhook URL: its
    /// host at most), how big, how the attachment travelled, and whether it arrived.
    /// </summary>
    public sealed record ReportDelivery
    {
        public DeliveryChannel Channel { get; init; }

        public DeliveryStatus Status { get; init; }

        /// <summary>Teams: "webhook at &lt;host&gt;" (the path and query are the secret); mail: "from &lt;mailbox&gt;".</summary>
        public string Destination { get; init; } = string.Empty;

        /// <summary>Mail recipients; empty for Teams.</summary>
        public IReadOnlyList<string> Recipients { get; init; } = Array.Empty<string>();

        /// <summary>The card title or the mail subject.</summary>
        public string Subject { get; init; } = string.Empty;

        /// <summary>Bytes of the request body sent (the card message, or the sendMail/draft JSON).</summary>
        public long PayloadBytes { get; init; }

        /// <summary>Bytes of the attached HTML report (0 when none).</summary>
        public long AttachmentBytes { get; init; }

        public AttachmentTransfer Attachment { get; init; }

        /// <summary>Upload-session PUT requests (0 unless <see cref="Attachment"/> is UploadSession).</summary>
        public int UploadChunks { get; init; }

        /// <summary>HTTP attempts to the receiver's final endpoint, retries after 429/503 included.</summary>
        public int Attempts { get; init; }

        /// <summary>The stable error id when Failed (also on the non-terminating ErrorRecord).</summary>
        public string? ErrorId { get; init; }

        /// <summary>Why it failed, in words that never contain the webhook URL or a token.</summary>
        public string? Error { get; init; }

        public DateTimeOffset CompletedOn { get; init; }

        public override string ToString() => $"{Channel} {Status}: {Destination}";
    }
}
