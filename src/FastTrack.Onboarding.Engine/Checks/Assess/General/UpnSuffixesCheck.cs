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
    public sealed class UpnSuffixesCheck : IFoldingCheck<UserRecord, UpnSuffixesCheck.Tally>
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

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        // The domains are few and read whole in Seed; the fold over the users counts the synced ones per kind of suffix.
        public Tally Seed(CheckContext context)
        {
            var domains = context.Items(DatasetIds.Domains);
            var verified = new HashSet<string>(domains.Where(d => d.Bool("isVerified") == true).Select(d => d.Text("id") ?? string.Empty),
                StringComparer.OrdinalIgnoreCase);
            return new Tally(verified, domains.FirstOrDefault(d => d.Bool("isInitial") == true).Text("id"));
        }

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (!user.IsSynced)
            {
                return state;
            }

            state.Synced++;
            var suffix = Suffix(user.UserPrincipalName);
            // Entra ID replaces an unverified or non-routable on-premises suffix (.local, .corp) with the initial domain.
            if (state.Initial != null && string.Equals(suffix, state.Initial, StringComparison.OrdinalIgnoreCase))
            {
                state.Fallback++;
                Keep(state.FallbackSample, user.UserPrincipalName);
            }

            if (!state.Verified.Contains(suffix))
            {
                state.Unverified++;
                Keep(state.UnverifiedSample, user.UserPrincipalName);
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            if (state.Synced == 0)
            {
                return CheckVerdict.NotApplicable("No synced users: UPN suffixes come from verified cloud domains.");
            }

            var figures = new Dictionary<string, object?>
            {
                ["SyncedUsers"] = state.Synced,
                ["OnInitialDomain"] = state.Fallback,
                ["Unverified"] = state.Unverified,
                ["Sample"] = state.FallbackSample.Concat(state.UnverifiedSample).Take(Tally.SampleSize).ToList(),
            };
            if (state.Fallback == 0 && state.Unverified == 0)
            {
                return CheckVerdict.Configured($"All {state.Synced} synced users have a verified, routable UPN suffix.", figures);
            }

            return CheckVerdict.Partial(
                $"{state.Fallback + state.Unverified} of {state.Synced} synced users sign in as "
                    + $"…@{state.Initial}: their on-premises UPN suffix is non-routable or not verified.",
                "Add a routable UPN suffix in AD Domains and Trusts, verify it in Microsoft "
                    + "365, change these users' UPNs, and let Entra Connect sync.",
                figures);
        }

        private static string Suffix(string? upn) => upn is null ? string.Empty : upn.Substring(upn.IndexOf('@') + 1);

        private static void Keep(List<string?> sample, string? name)
        {
            if (sample.Count < Tally.SampleSize) sample.Add(name);
        }

        /// <summary>
        /// What the fold keeps: the tenant's domains, three counts and the first <see cref="SampleSize"/> users of each
        /// kind (the figure shows the first ten of the initial-domain users followed by the unverified ones).
        /// </summary>
        public sealed class Tally
        {
            public const int SampleSize = 10;

            public Tally(HashSet<string> verified, string? initial)
            {
                Verified = verified;
                Initial = initial;
            }

            public HashSet<string> Verified { get; }
            public string? Initial { get; }
            public int Synced { get; set; }
            public int Fallback { get; set; }
            public int Unverified { get; set; }
            public List<string?> FallbackSample { get; } = new List<string?>();
            public List<string?> UnverifiedSample { get; } = new List<string?>();
        }
    }
}
