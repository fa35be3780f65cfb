using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>The e-mail to send: from a mailbox the admin names, to the review team, with the HTML report attached.</summary>
    public sealed record MailRequest
    {
        /// <summary>The sending mailbox, as a UPN or user id (POST /users/{From}/sendMail).</summary>
        public string From { get; init; } = string.Empty;

        public IReadOnlyList<string> To { get; init; } = Array.Empty<string>();

        public string Subject { get; init; } = string.Empty;

        /// <summary>The message body (HTML), the summary in words.</summary>
        public string BodyHtml { get; init; } = string.Empty;

        /// <summary>The attached report's file name ("fasttrack-contoso.html").</summary>
        public string AttachmentName { get; init; } = "fasttrack-report.html";

        /// <summary>The HTML report's bytes; null sends the summary without an attachment.</summary>
        public byte[]? Attachment { get; init; }
    }
}
