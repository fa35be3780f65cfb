using System;
using System.IO;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>
    /// The JSON bodies Graph takes: the message (subject, HTML body, toRecipients) for a draft
    /// (POST /users/{id}/messages), the same wrapped in {"message":…,"saveToSentItems":true} for
    /// sendMail, optionally with one #microsoft.graph.fileAttachment, and the createUploadSession
    /// {"AttachmentItem":…}. Sizes are computed before anything is base64-encoded.
    /// </summary>
    internal static class MailMessageJson
    {
        public static byte[] Draft(MailRequest mail) => Write(w => WriteMessage(w, mail, null));

        public static byte[] SendMail(MailRequest mail, byte[]? inlineAttachment) => Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("message");
            WriteMessage(w, mail, inlineAttachment);
            w.WriteBoolean("saveToSentItems", true);
            w.WriteEndObject();
        });

        /// <summary>The exact size of <see cref="SendMail"/> with the attachment inline, without encoding it: the
        /// envelope with empty contentBytes plus 4 base64 characters for every 3 bytes (rounded up).</summary>
        public static long InlineSendMailBytes(MailRequest mail)
        {
            var attachment = mail.Attachment ?? Array.Empty<byte>();
            var envelope = SendMail(mail, Array.Empty<byte>()).LongLength;
            return envelope + Base64Length(attachment.LongLength);
        }

        public static long Base64Length(long bytes) => (bytes + 2) / 3 * 4;

        public static byte[] UploadSession(MailRequest mail) => Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("AttachmentItem");
            w.WriteString("attachmentType", "file");
            w.WriteString("name", mail.AttachmentName);
            w.WriteNumber("size", mail.Attachment?.LongLength ?? 0);
            w.WriteString("contentType", "text/html");
            w.WriteEndObject();
            w.WriteEndObject();
        });

        private static void WriteMessage(Utf8JsonWriter w, MailRequest mail, byte[]? inlineAttachment)
        {
            w.WriteStartObject();
            w.WriteString("subject", mail.Subject);
            w.WriteStartObject("body");
            w.WriteString("contentType", "HTML");
            w.WriteString("content", mail.BodyHtml);
            w.WriteEndObject();
            w.WriteStartArray("toRecipients");
            foreach (var address in mail.To)
            {
                w.WriteStartObject();
                w.WriteStartObject("emailAddress");
                w.WriteString("address", address);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (inlineAttachment != null)
            {
                w.WriteStartArray("attachments");
                w.WriteStartObject();
                w.WriteString("@odata.type", "#microsoft.graph.fileAttachment");
                w.WriteString("name", mail.AttachmentName);
                w.WriteString("contentType", "text/html");
                w.WriteBase64String("contentBytes", inlineAttachment);
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        private static byte[] Write(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                write(w);
            }

            return buffer.ToArray();
        }
    }
}
