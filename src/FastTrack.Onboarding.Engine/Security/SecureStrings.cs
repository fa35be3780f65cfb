using System.Net;
using System.Security;

namespace FastTrack.Onboarding.Engine
{
    /// <summary>Unwraps a SecureString at the last moment, for the one API call that needs a string.</summary>
    internal static class SecureStrings
    {
        public static string ToPlainText(SecureString value) => new NetworkCredential(string.Empty, value).Password;
    }
}
