using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.Engine.Security
{
    /// <summary>
    /// Last line of defence for text that leaves the engine (errors from MSAL, HTTP bodies echoed in
    /// exceptions): anything shaped like a JWT, a bearer header or a client secret / assertion
    /// parameter is replaced, and so are the path and query of any URL in it (webhook URLs, SAS links
    /// and pre-signed links carry their secret there), its user-info too. Our own messages never
    /// include secrets in the first place.
    /// </summary>
    public static class SecretRedactor
    {
        private static readonly Regex Jwt = new Regex(@"eyJ[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]*", RegexOptions.Compiled);
        private static readonly Regex Bearer = new Regex(@"(?i)bearer\s+[A-Za-z0-9_\-\.=~+/]+", RegexOptions.Compiled);
        private static readonly Regex SecretParameter = new Regex(
            @"(?i)(client_secret|client_assertion|access_token|refresh_token|id_token|X-IDENTITY-HEADER)([=:""\s]+)[^&\s""]+",
            RegexOptions.Compiled);
        private static readonly Regex SecretQueryParameter = new Regex(
            @"(?i)\b(sig|signature|password|pwd|secret|api[-_]?key|code|token)=[^&\s""'<>]+",
            RegexOptions.Compiled);
        private static readonly Regex UserInfo = new Regex(@"(?i)\b(https?://)[^\s/@""'<>]*@", RegexOptions.Compiled);
        private static readonly Regex Url = new Regex(
            @"(?i)\b(https?://)(?:[^\s/@""'<>]*@)?([^\s/?#""'<>]+)([/?#][^\s""'<>]*)?",
            RegexOptions.Compiled);

        public static string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            var redacted = Jwt.Replace(text, "[redacted token]");
            redacted = Bearer.Replace(redacted, "Bearer [redacted]");
            redacted = SecretParameter.Replace(redacted, "$1$2[redacted]");
            redacted = SecretQueryParameter.Replace(redacted, "$1=[redacted]");
            redacted = Url.Replace(redacted, RedactUrl);
            return redacted;
        }

        /// <summary>
        /// For the verbose, debug, warning and progress streams, where a URL's path is what the reader needs
        /// (which request, which file): the same secrets go (JWTs, bearer values, secret parameters and query values
        /// such as access_token, client_secret, sig and code, a URL's user-info) but the rest of every URL stays readable.
        /// </summary>
        public static string RedactKeepingUrls(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            var redacted = Jwt.Replace(text, "[redacted token]");
            redacted = Bearer.Replace(redacted, "Bearer [redacted]");
            redacted = SecretParameter.Replace(redacted, "$1$2[redacted]");
            redacted = SecretQueryParameter.Replace(redacted, "$1=[redacted]");
            return UserInfo.Replace(redacted, "$1");
        }

        /// <summary>Keeps where a URL points (scheme and host), drops user-info, path and query unless the path is just "/".</summary>
        private static string RedactUrl(Match url)
        {
            var rest = url.Groups[3].Value;
            var keep = url.Groups[1].Value + url.Groups[2].Value;
            return rest.Length == 0 || rest == "/" ? keep + rest : keep + "/[redacted]";
        }
    }
}
