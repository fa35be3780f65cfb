using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Dns;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseNetworkChecks;

    /// <summary>FT-ASSESS-ADMIN-04: A custom domain is verified and is the default.</summary>
    public sealed class CustomDomainCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ADMIN-04",
            Title = "A custom domain is verified and is the default",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Dns,
            Guidance = Guidance,
            Needs = new[] { DatasetIds.Domains },
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/setup/add-domain",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Network,
                EffortDays = 2,
                DependsOn = Array.Empty<string>(),
                Priority = RemediationPriority.High
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var domains = context.Items(DatasetIds.Domains);
            var custom = domains.Where(d => d.Bool("isInitial") != true).ToList();
            var verified = custom.Where(d => d.Bool("isVerified") == true).Select(d => d.Text("id")).ToList();
            var unverified = custom.Where(d => d.Bool("isVerified") != true).Select(d => d.Text("id")).ToList();
            var defaultDomain = domains.FirstOrDefault(d => d.Bool("isDefault") == true).Text("id");
            var defaultIsInitial = domains.Any(d => d.Bool("isDefault") == true && d.Bool("isInitial") == true);
            var figures = new Dictionary<string, object?>
            {
                ["Verified"] = verified,
                ["Unverified"] = unverified,
                ["DefaultDomain"] = defaultDomain
            };
            if (verified.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    $"Only the initial domain ({defaultDomain ?? context.Snapshot.InitialDomain}) is in use"
                        + (unverified.Count > 0 ? $"; not verified: {string.Join(", ", unverified)}." : "."),
                    "Add and verify your own domain (Microsoft 365 admin center > Settings > "
                        + "Domains), publish its service records, then make it the default.",
                    figures);
            }

            if (defaultIsInitial || unverified.Count > 0)
            {
                return CheckVerdict.Partial(
                    $"Verified custom domains: {string.Join(", ", verified)}; default {defaultDomain}"
                        + (unverified.Count > 0 ? $"; not verified: {string.Join(", ", unverified)}." : "."),
                    defaultIsInitial
                        ? "Make a verified custom domain the default, so new users get it."
                        : "Finish verifying (add the TXT record Microsoft shows) or remove the unverified domains.",
                    figures);
            }

            return CheckVerdict.Configured($"Verified custom domains: {string.Join(", ", verified)}; default {defaultDomain}.", figures);
        }
    }
}
