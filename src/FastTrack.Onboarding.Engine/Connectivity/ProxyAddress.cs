using System;
using System.Net;
using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// A proxy address may carry user:password (-Proxy http://user:pass@host:port, HTTPS_PROXY). The
    /// credentials are used to authenticate to the proxy and never shown or saved: everything that reaches a
    /// result, report, note or error goes through <see cref="Display"/> or <see cref="Redact"/>.
    /// </summary>
    public static class ProxyAddress
    {
        // scheme://userinfo@ in any text (an exception message that quotes the proxy address, for example).
        private static readonly Regex UserInfoInText = new Regex(
            @"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@]+@",
            RegexOptions.CultureInvariant);

        /// <summary>scheme://host:port, never the user info (Uri.GetLeftPart(Authority) keeps it).</summary>
        public static string Display(Uri proxy)
        {
            if (proxy == null) throw new ArgumentNullException(nameof(proxy));
            return proxy.IsAbsoluteUri
                ? proxy.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)
                : Redact(proxy.OriginalString);
        }

        /// <summary>The same address without user info, for handing to HttpClient with separate credentials.</summary>
        public static Uri WithoutUserInfo(Uri proxy) => new Uri(Display(proxy));

        /// <summary>The credentials in the user info, unescaped; null when there are none.</summary>
        public static NetworkCredential? Credential(Uri proxy)
        {
            if (proxy == null || !proxy.IsAbsoluteUri || string.IsNullOrEmpty(proxy.UserInfo)) return null;
            var info = proxy.UserInfo;
            var colon = info.IndexOf(':');
            var user = Uri.UnescapeDataString(colon < 0 ? info : info.Substring(0, colon));
            var password = colon < 0 ? string.Empty : Uri.UnescapeDataString(info.Substring(colon + 1));
            return new NetworkCredential(user, password);
        }

        /// <summary>Removes user info from every URL in a text (messages from HttpClient and sockets may quote the proxy).</summary>
        public static string Redact(string? text) =>
            string.IsNullOrEmpty(text) ? text ?? string.Empty : UserInfoInText.Replace(text, "${scheme}");
    }
}
