using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Remediation
{
    /// <summary>
    /// Who does a finding, how long it takes and what must be done first. Known checks have their own
    /// line; others (later phases) fall back on their area and service. Dependencies follow the order
    /// onboarding really needs: seats and licences before enablement, usage location before licences,
    /// a verified domain before its DNS records, DNS before device enrollment.
    /// </summary>
    public static class RemediationRules
    {
        public sealed record Rule(RemediationOwner Owner, int EffortDays, string[] DependsOn, RemediationPriority? Priority = null);

        private static readonly Dictionary<string, Rule> ByCheck = new Dictionary<string, Rule>(StringComparer.OrdinalIgnoreCase)
        {
            ["FT-INIT-ELIG-01"] = new Rule(RemediationOwner.Licensing, 5, Array.Empty<string>(), RemediationPriority.High),
            ["FT-INIT-WINDOW-01"] = new Rule(RemediationOwner.Administration, 1, new[] { "FT-INIT-ELIG-01" }, RemediationPriority.High),
            ["FT-INIT-SVC-01"] = new Rule(RemediationOwner.Licensing, 2, new[] { "FT-INIT-ELIG-01" }, RemediationPriority.High),
            ["FT-ASSESS-ADMIN-01"] = new Rule(RemediationOwner.Administration, 1, Array.Empty<string>()),
            ["FT-ASSESS-ADMIN-02"] = new Rule(RemediationOwner.Administration, 1, Array.Empty<string>(), RemediationPriority.Low),
            ["FT-ASSESS-ADMIN-03"] = new Rule(RemediationOwner.Identity, 1, Array.Empty<string>()),
            ["FT-ASSESS-ADMIN-04"] = new Rule(RemediationOwner.Network, 2, Array.Empty<string>(), RemediationPriority.High),
            ["FT-ASSESS-DNS-01"] = new Rule(RemediationOwner.Messaging, 2, new[] { "FT-ASSESS-ADMIN-04" }, RemediationPriority.High),
            ["FT-ASSESS-NET-01"] = new Rule(RemediationOwner.Network, 5, Array.Empty<string>()),
            ["FT-ASSESS-ID-01"] = new Rule(RemediationOwner.Identity, 1, Array.Empty<string>(), RemediationPriority.High),
            ["FT-ASSESS-ID-02"] = new Rule(RemediationOwner.Licensing, 2, new[] { "FT-ASSESS-ID-01", "FT-INIT-ELIG-01" }, RemediationPriority.High),
            ["FT-ASSESS-ID-03"] = new Rule(RemediationOwner.Identity, 3, Array.Empty<string>(), RemediationPriority.High),
            ["FT-ASSESS-ID-04"] = new Rule(RemediationOwner.Identity, 3, new[] { "FT-ASSESS-ADMIN-04" }),
            ["FT-ASSESS-ID-05"] = new Rule(RemediationOwner.Identity, 1, Array.Empty<string>(), RemediationPriority.Low),
            ["FT-ASSESS-ID-06"] = new Rule(RemediationOwner.Licensing, 3, new[] { "FT-INIT-ELIG-01", "FT-ASSESS-ID-02" }, RemediationPriority.Low),
            ["FT-ASSESS-SVC-01"] = new Rule(RemediationOwner.Licensing, 1, new[] { "FT-INIT-ELIG-01" }),
            ["FT-ASSESS-SVC-02"] = new Rule(RemediationOwner.Licensing, 2, new[] { "FT-INIT-SVC-01", "FT-ASSESS-SVC-01", "FT-ASSESS-ID-02" }),
            ["FT-ASSESS-CLIENT-01"] = new Rule(RemediationOwner.Intune, 10, Array.Empty<string>()),
            // The Apps mix is Info when read; a task exists only when the report could not be read
            // (Reports.Read.All or the Reports Reader role to grant): an administration task.
            ["FT-ASSESS-CLIENT-02"] = new Rule(RemediationOwner.Administration, 1, Array.Empty<string>(), RemediationPriority.Low),
            ["FT-ASSESS-CLIENT-03"] = new Rule(RemediationOwner.Intune, 2, Array.Empty<string>(), RemediationPriority.Low),
        };

        public static Rule For(CheckResult result)
        {
            if (ByCheck.TryGetValue(result.CheckId, out var rule))
            {
                return rule;
            }

            // Enable-phase and later checks: Intune work waits for DNS (enrollment CNAMEs) and licences.
            if (result.Service == FastTrackService.Intune)
            {
                return new Rule(RemediationOwner.Intune, 3, new[] { "FT-ASSESS-DNS-01", "FT-INIT-SVC-01", "FT-ASSESS-ID-02" });
            }

            var owner = result.Area switch
            {
                "Identity" => RemediationOwner.Identity,
                "DNS" or "Network" => RemediationOwner.Network,
                "Licensing" or "Services" or "Eligibility" => RemediationOwner.Licensing,
                "Messaging" or "Mail" => RemediationOwner.Messaging,
                "Devices" or "Clients" or "Intune" => RemediationOwner.Intune,
                _ => result.Service == FastTrackService.AzureADPremium || result.Service == FastTrackService.AzureADPremiumHybrid ? RemediationOwner.Identity : RemediationOwner.Administration,
            };
            return new Rule(owner, result.Status == CheckStatus.NotConfigured ? 3 : 2, new[] { "FT-INIT-SVC-01" });
        }
    }
}
