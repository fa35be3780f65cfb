using System;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Maps connection facts to web service parameters (pure functions).</summary>
    public static class EndpointInstanceResolver
    {
        /// <summary>
        /// Connect-FastTrackTenant environment name → web service instance. Global and GCC (moderate)
        /// tenants use the Worldwide list; Graph's "USGov" cloud is GCC High.
        /// </summary>
        public static EndpointInstance FromEnvironment(string? environment)
        {
            switch ((environment ?? "").Trim().ToUpperInvariant())
            {
                case "":
                case "GLOBAL":
                case "WORLDWIDE":
                    return EndpointInstance.Worldwide;
                case "USGOV":
                case "USGOVGCCHIGH":
                    return EndpointInstance.USGovGCCHigh;
                case "USGOVDOD":
                    return EndpointInstance.USGovDoD;
                case "CHINA":
                    return EndpointInstance.China;
                default:
                    throw new ArgumentException(
                        $"Unknown environment '{environment}'. Expected Global, USGov, USGovDoD or China.",
                        nameof(environment));
            }
        }

        /// <summary>contoso.onmicrosoft.com → contoso (also .onmicrosoft.us / .partner.onmschina.cn initial domains).</summary>
        public static string? TenantNameFromInitialDomain(string? initialDomain)
        {
            if (string.IsNullOrWhiteSpace(initialDomain)) return null;
            var firstLabel = initialDomain!.Trim().Split('.')[0];
            return firstLabel.Length == 0 ? null : firstLabel.ToLowerInvariant();
        }
    }
}
