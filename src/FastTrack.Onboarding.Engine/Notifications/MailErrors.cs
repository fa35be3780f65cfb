using System;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Notifications;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>Graph's answers to the mail requests, as errors that name the permission or the fix.</summary>
    internal static class MailErrors
    {
        public static FastTrackException Translate(Exception error, MailRequest mail, AttachmentTransfer transfer)
        {
            var large = transfer == AttachmentTransfer.UploadSession;
            var needs = large
                ? "Mail.Send and Mail.ReadWrite (the report is over 3 MB: a draft and an upload session need Mail.ReadWrite)"
                : "Mail.Send";
            switch (error)
            {
                case GraphReadException g when g.Status == 401 || g.Status == 403:
                    return new FastTrackException(ErrorIds.MailPermissionMissing, FailureKind.PermissionDenied,
                        $"Graph refused to send mail as {mail.From} ({g.Status} {g.Code}): the connection needs {needs}.",
                        $"Grant {needs} (application permission with admin consent, or delegated for the signed-in user), "
                            + "optionally limited to the sending mailbox with an Exchange application access policy, "
                            + "then connect again and rerun.");
                case GraphReadException g
                    when g.Status == 404 || string.Equals(g.Code, "ErrorInvalidUser", StringComparison.OrdinalIgnoreCase):
                    return new FastTrackException(ErrorIds.MailFailed, FailureKind.ObjectNotFound,
                        $"Graph found no mailbox for -From {mail.From} ({g.Status} {g.Code}: {g.Message}).",
                        "Pass the UPN or object id of a licensed mailbox (or shared mailbox) in this tenant to -From.");
                case GraphReadException g when g.Status == 429 || g.Status == 503 || g.Status == 504:
                    return new FastTrackException(
                        ErrorIds.MailFailed,
                        g.Status == 429 ? FailureKind.LimitsExceeded : FailureKind.ResourceUnavailable,
                        $"Graph was still throttling or unavailable after its retries ({g.Status} {g.Code}"
                            + $"{(g.RetryAfter is TimeSpan wait ? $", asked to wait {wait.TotalSeconds:0} s" : string.Empty)}).",
                        "Run Send-FastTrackReport again later."
                            + (large ? " A draft of the message may be left in the Drafts folder." : string.Empty));
                case GraphReadException g:
                    return new FastTrackException(
                        ErrorIds.MailFailed,
                        g.Status >= 500 ? FailureKind.ResourceUnavailable : FailureKind.InvalidOperation,
                        $"Graph refused the mail ({g.Status} {g.Code}: {g.Message}).",
                        "Check -From and -To, then run again."
                            + (large ? " A draft of the message may be left in the Drafts folder." : string.Empty));
                case TimeoutException t:
                    return new FastTrackException(ErrorIds.MailFailed, FailureKind.OperationTimeout,
                        t.Message,
                        "Run Send-FastTrackReport again, or raise -RequestTimeoutSeconds.");
                default:
                    return new FastTrackException(ErrorIds.MailFailed, FailureKind.ConnectionError,
                        $"The mail could not be sent ({error.GetType().Name}: {Security.SecretRedactor.Redact(error.Message)}).",
                        "Check the connection to Microsoft Graph (Get-FastTrackConnection) and run again.");
            }
        }
    }
}
