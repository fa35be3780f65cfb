using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Notifications;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>
    /// Sends the summary mail through Graph as the mailbox the admin names. The report rides inline
    /// (one POST /users/{from}/sendMail, Mail.Send) when the whole request stays under
    /// <see cref="InlineRequestLimitBytes"/>; otherwise a draft (POST /users/{from}/messages), an
    /// attachment upload session (…/attachments/createUploadSession, Mail.ReadWrite), chunked PUTs to
    /// the pre-authenticated uploadUrl, and POST …/messages/{id}/send (Mail.Send). Graph calls go
    /// through the connection's SDK pipeline, whose retry handler honours Retry-After on 429/503/504.
    /// </summary>
    public static class MailReportSender
    {
        /// <summary>
        /// Graph attaches files "under 3 MB" in one request (message-post-attachments, sendMail). The limit
        /// is applied to the whole sendMail request, base64 included, and read as 3,000,000 bytes so it holds
        /// whichever megabyte Graph means.
        /// </summary>
        public const long InlineRequestLimitBytes = 3_000_000;

        /// <summary>Graph's upload sessions take attachments up to 150 MB.</summary>
        public const long MaxAttachmentBytes = 150L * 1024 * 1024;

        public static async Task<ChannelOutcome> SendAsync(
            TenantSession session,
            MailRequest mail,
            DeliveryOptions options,
            IEngineLog log,
            CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var attachment = mail.Attachment;
            var inlineBytes = MailMessageJson.InlineSendMailBytes(mail);
            var transfer = attachment == null ? AttachmentTransfer.None
                : inlineBytes <= InlineRequestLimitBytes ? AttachmentTransfer.Inline
                : AttachmentTransfer.UploadSession;
            var http = new GraphHttp(session.RawHttp, session.GraphRoot, options.RequestTimeout, 1, log);
            var mailbox = "users/" + Uri.EscapeDataString(mail.From);
            long payload = 0;
            var chunks = 0;
            var attempts = 0;

            ReportDelivery Result(DeliveryStatus status, FastTrackException? failure) => new ReportDelivery
            {
                Channel = DeliveryChannel.Mail,
                Status = status,
                Destination = "from " + mail.From,
                Recipients = mail.To.ToList(),
                Subject = mail.Subject,
                PayloadBytes = payload,
                AttachmentBytes = attachment?.LongLength ?? 0,
                Attachment = transfer,
                UploadChunks = chunks,
                Attempts = attempts,
                ErrorId = failure?.ErrorId,
                Error = failure?.Message,
                CompletedOn = DateTimeOffset.UtcNow,
            };

            try
            {
                if (attachment != null && attachment.LongLength > MaxAttachmentBytes)
                {
                    throw new FastTrackException(ErrorIds.MailAttachmentTooLarge, FailureKind.LimitsExceeded,
                        $"The report is {attachment.LongLength:N0} bytes; Graph attaches at most 150 MB to a message.",
                        "Send the summary without the report (-NoAttachment) and share the exported report another way.");
                }

                if (transfer != AttachmentTransfer.UploadSession)
                {
                    var body = MailMessageJson.SendMail(mail, attachment);
                    payload = body.LongLength;
                    log.Verbose($"POST /{mailbox}/sendMail: {body.Length} bytes, report "
                        + (attachment == null
                            ? "not attached"
                            : $"inline ({attachment.Length} bytes, request {inlineBytes} of {InlineRequestLimitBytes} allowed)")
                        + ".");
                    attempts++;
                    await http.SendAsync(
                        HttpMethod.Post,
                        http.Url(ApiVersion.V1, mailbox + "/sendMail"),
                        null,
                        Encoding.UTF8.GetString(body),
                        _ => true,
                        cancellationToken).ConfigureAwait(false);
                    return new ChannelOutcome(Result(DeliveryStatus.Sent, null), null);
                }

                log.Verbose($"The sendMail request would be {inlineBytes} bytes "
                    + $"(the {attachment!.Length}-byte report grows by 4/3 in base64), "
                    + $"over {InlineRequestLimitBytes}: using a draft and an upload session.");
                var draft = MailMessageJson.Draft(mail);
                payload = draft.LongLength;
                attempts++;
                var messageId = await http.SendAsync(
                        HttpMethod.Post,
                        http.Url(ApiVersion.V1, mailbox + "/messages"),
                        null,
                        Encoding.UTF8.GetString(draft),
                        d => Read(d, "id"),
                        cancellationToken).ConfigureAwait(false)
                    ?? throw new FastTrackException(ErrorIds.MailFailed, FailureKind.InvalidData,
                        "Graph created the draft message but returned no id.",
                        "Run Send-FastTrackReport again.");
                var messagePath = mailbox + "/messages/" + Uri.EscapeDataString(messageId);
                attempts++;
                var uploadText = await http.SendAsync(
                    HttpMethod.Post,
                    http.Url(ApiVersion.V1, messagePath + "/attachments/createUploadSession"),
                    null,
                    Encoding.UTF8.GetString(MailMessageJson.UploadSession(mail)),
                    d => Read(d, "uploadUrl"),
                    cancellationToken).ConfigureAwait(false);
                var uploadUrl = UploadUrl(uploadText);
                log.Verbose($"Upload session created for the {attachment.Length}-byte report; "
                    + $"uploading in chunks of {AttachmentUploader.ChunkBytes} bytes to the upload URL at {uploadUrl.Host}.");
                chunks = await AttachmentUploader.UploadAsync(uploadUrl, attachment, options, watch, log, cancellationToken)
                    .ConfigureAwait(false);
                attempts++;
                await http.SendAsync(
                    HttpMethod.Post,
                    http.Url(ApiVersion.V1, messagePath + "/send"),
                    null,
                    null,
                    _ => true,
                    cancellationToken).ConfigureAwait(false);
                return new ChannelOutcome(Result(DeliveryStatus.Sent, null), null);
            }
            catch (FastTrackException e)
            {
                return new ChannelOutcome(Result(DeliveryStatus.Failed, e), e);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                var failure = MailErrors.Translate(e, mail, transfer);
                return new ChannelOutcome(Result(DeliveryStatus.Failed, failure), failure);
            }
        }

        private static string? Read(JsonDocument document, string property) =>
            document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        private static Uri UploadUrl(string? text)
        {
            if (Uri.TryCreate(text ?? string.Empty, UriKind.Absolute, out var url)
                && (url.Scheme == Uri.UriSchemeHttps || EndpointValidator.AllowsPlainHttp(url)))
            {
                return url;
            }

            throw new FastTrackException(ErrorIds.MailFailed, FailureKind.InvalidData,
                "Graph's upload session has no usable https uploadUrl.",
                "Run Send-FastTrackReport again; a draft of the message may be left in the sending mailbox's Drafts folder.");
        }
    }
}
