using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.Engine.Security
{
    /// <summary>
    /// Last line of defence for text that leaves the engine (errors from MSAL, HTTP bodies echoed in
    /// exceptions): anything shaped like a JWT, a bearer header or a client secret / assertion
    /// parameter is replaced. Our own messages never include secrets in the first place.
    /// </summary>
    public static class SecretRedactor
    {
        private static readonly Regex Jwt = new Regex(@"eyJ[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]*", RegexOptions.Compiled);
        private static readonly Regex Bearer = new Regex(@"(?i)bearer\s+[A-Za-z0-9_\-\.=]+", RegexOptions.Compiled);
        private static readonly Regex SecretParameter = new Regex(@"(?i)(client_secret|client_assertion|access_token|refresh_token|X-IDENTITY-HEADER)([=:""\s]+)[^&\s""]+", RegexOptions.Compiled);

        public static string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            var redacted = Jwt.Replace(text, "[redacted token]");
            redacted = Bearer.Replace(redacted, "Bearer [redacted]");
            redacted = SecretParameter.Replace(redacted, "$1$2[redacted]");
            return redacted;
        }
    }
}
