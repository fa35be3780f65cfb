using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseChecks;

    /// <summary>FT-ASSESS-ID-04: Synced users sign in with a routable, verified UPN suffix.</summary>
    public sealed class UpnSuffixesCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ID-04",
            Title = "Synced users sign in with a routable, verified UPN suffix",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Identity,
            Guidance = Identity,
            Needs = new[] { DatasetIds.Users, DatasetIds.Domains },
            LearnMoreUrl =
                "https://learn.microsoft.com/microsoft-365/enterprise/prepare-a-non-routable-domain-for-directory-synchronization",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Identity,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-ADMIN-04" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var domains = context.Items(DatasetIds.Domains);
            var verified = new HashSet<string>(domains.Where(d => d.Bool("isVerified") == true).Select(d => d.Text("id") ?? string.Empty),
                StringComparer.OrdinalIgnoreCase);
            var initial = domains.FirstOrDefault(d => d.Bool("isInitial") == true).Text("id");
            var synced = context.Users.Where(u => u.IsSynced).ToList();
            if (synced.Count == 0)
            {
                return CheckVerdict.NotApplicable("No synced users: UPN suffixes come from verified cloud domains.");
            }

            static string Suffix(string? upn) => upn is null ? string.Empty : upn.Substring(upn.IndexOf('@') + 1);
            // Entra ID replaces an unverified or non-routable on-premises suffix (.local, .corp) with the initial domain.
            var fallback = synced.Where(u => initial != null && string.Equals(Suffix(u.UserPrincipalName), initial,
                StringComparison.OrdinalIgnoreCase)).ToList();
            var unverified = synced.Where(u => !verified.Contains(Suffix(u.UserPrincipalName))).ToList();
            var figures = new Dictionary<string, object?>
            {
                ["SyncedUsers"] = synced.Count,
                ["OnInitialDomain"] = fallback.Count,
                ["Unverified"] = unverified.Count,
                ["Sample"] = fallback.Concat(unverified).Take(10).Select(u => u.UserPrincipalName).ToList(),
            };
            if (fallback.Count == 0 && unverified.Count == 0)
            {
                return CheckVerdict.Configured($"All {synced.Count} synced users have a verified, routable UPN suffix.", figures);
            }

            return CheckVerdict.Partial(
                $"{fallback.Count + unverified.Count} of {synced.Count} synced users sign in as "
                    + $"…@{initial}: their on-premises UPN suffix is non-routable or not verified.",
                "Add a routable UPN suffix in AD Domains and Trusts, verify it in Microsoft "
                    + "365, change these users' UPNs, and let Entra Connect sync.",
                figures);
        }
    }
}
