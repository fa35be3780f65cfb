using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Is a certificate issuer one Microsoft uses? Patterns from Data/microsoft-tls-issuers.json plus the caller's.</summary>
    internal sealed class IssuerMatcher
    {
        private readonly IReadOnlyList<Regex> _patterns;

        public IssuerMatcher(IEnumerable<string> commonNamePatterns) =>
            _patterns = commonNamePatterns
                .Where(p => !string.IsNullOrWhiteSpace(p))
                .Select(p => new Regex(
                    "^" + Regex.Escape(p.Trim()).Replace("\\*", ".*") + "$",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                .ToList();

        public static IssuerMatcher Create(IEnumerable<string> additional)
        {
            using var doc = JsonDocument.Parse(EmbeddedData.Read("microsoft-tls-issuers.json"));
            var bundled = doc.RootElement.GetProperty("issuerCommonNames").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            return new IssuerMatcher(bundled.Concat(additional ?? Array.Empty<string>()));
        }

        public bool IsExpected(string issuerCommonName) => _patterns.Any(p => p.IsMatch(issuerCommonName));
    }
}
