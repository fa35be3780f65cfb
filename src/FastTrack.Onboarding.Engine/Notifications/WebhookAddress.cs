using System;
using System.Security;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>
    /// A Teams webhook URL, which is a secret: whoever has it can post to the channel. It is parsed
    /// once, kept only here, and described everywhere else by its host alone ("webhook at
    /// contoso.webhook.office.com"); no message built by this class contains the URL or part of its path.
    /// </summary>
    public sealed class WebhookAddress
    {
        private WebhookAddress(Uri url) => Url = url;

        /// <summary>The URL to POST to. Only the HTTP sender reads it.</summary>
        internal Uri Url { get; }

        public string Host => Url.Host;

        /// <summary>The one description of the destination that may be shown: never the path or the query.</summary>
        public string Description => "webhook at " + Url.Host;

        public static WebhookAddress From(SecureString url) => Parse(SecureStrings.ToPlainText(url));

        public static WebhookAddress Parse(string? text)
        {
            if (!Uri.TryCreate((text ?? string.Empty).Trim(), UriKind.Absolute, out var url)
                || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
                || url.Host.Length == 0)
            {
                // The rejected text is not echoed: it may be a real webhook URL with a typo.
                throw new FastTrackException(ErrorIds.WebhookUrlInvalid, FailureKind.InvalidArgument,
                    "-TeamsWebhookUrl is not an absolute https URL (the value is not shown because webhook URLs are secrets).",
                    "Copy the URL again from the channel's Workflows flow (\"When a Teams webhook request is received\") "
                        + "or its incoming webhook, and pass it as a SecureString.");
            }

            if (url.Scheme == Uri.UriSchemeHttp && !EndpointValidator.AllowsPlainHttp(url))
            {
                throw new FastTrackException(ErrorIds.WebhookUrlInvalid, FailureKind.SecurityError,
                    $"-TeamsWebhookUrl uses plain http to {url.Host}; the URL is a secret and would travel in clear text.",
                    "Use the https URL Teams or Workflows gave you "
                        + "(plain http is accepted only for localhost, 127.0.0.1 or [::1] test receivers).");
            }

            if (url.UserInfo.Length > 0)
            {
                throw new FastTrackException(ErrorIds.WebhookUrlInvalid, FailureKind.InvalidArgument,
                    $"-TeamsWebhookUrl to {url.Host} carries a user name or password; webhook URLs never do.",
                    "Pass the URL exactly as Teams or Workflows gave it.");
            }

            return new WebhookAddress(url);
        }

        /// <summary>Never the URL: a stray ToString in a log or error must not leak it.</summary>
        public override string ToString() => Description;
    }
}
