using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Catalog URL patterns: "*.contoso.com", "*cdn.onenote.net", "autodiscover.*.onmicrosoft.com".</summary>
    internal static class WildcardPattern
    {
        public static bool IsWildcard(string pattern) => pattern.IndexOf('*') >= 0;

        /// <summary>'*' stands for one or more characters, so a wildcard never matches its own bare suffix.</summary>
        public static bool Matches(string pattern, string host)
        {
            var regex = "^" + Regex.Escape(pattern.ToLowerInvariant()).Replace("\\*", ".+") + "$";
            return Regex.IsMatch(host.ToLowerInvariant(), regex, RegexOptions.CultureInvariant);
        }
    }
}
