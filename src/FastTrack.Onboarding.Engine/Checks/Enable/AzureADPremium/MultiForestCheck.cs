using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Enable.AzureADPremium
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.Premium;

    /// <summary>FT-ENABLE-AADP-07: Multi-forest synchronization: users from several on-premises domains.</summary>
    public sealed class MultiForestCheck : IFoldingCheck<UserRecord, MultiForestCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADP-07",
            Title = "Multi-forest synchronization: users from several on-premises domains",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremium,
            Area = CheckArea.Identity,
            Guidance = GuidanceLines.PremiumMultiForest,
            AlsoCovers = new[] { GuidanceLines.PremiumForestSync },
            Needs = new[] { DatasetIds.Organization, DatasetIds.Users },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/connect/plan-connect-topologies"
                + "#multiple-forests-single-microsoft-entra-tenant",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (!user.IsSynced)
            {
                return state;
            }

            state.Synced++;
            var domain = user.OnPremisesDomainName ?? "(unknown)";
            state.Domains[domain] = state.Domains.TryGetValue(domain, out var n) ? n + 1 : 1;
            if (user.OnPremisesDomainSid != null) state.Sids.Add(user.OnPremisesDomainSid);
            if (user.ProvisioningErrors.Count > 0) state.Errors++;
            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            if (context.Entity(DatasetIds.Organization)?.Bool("onPremisesSyncEnabled") != true)
            {
                return CheckVerdict.NotApplicable("Directory synchronization is off: there is no on-premises forest to synchronize.");
            }

            var domains = state.Domains.ToDictionary(d => d.Key, d => d.Value);
            var sids = state.Sids.Count;
            var errors = state.Errors;
            var figures = Facts.Of(("OnPremisesDomains", domains), ("DomainSids", sids), ("SyncedUsers", state.Synced),
                ("UsersWithProvisioningErrors", errors));
            var count = Math.Max(domains.Count, sids);
            if (count <= 1)
            {
                return CheckVerdict.NotApplicable(
                    $"All {state.Synced} synced users come from one AD domain ({domains.Keys.FirstOrDefault()}): a single-forest topology.",
                    figures);
            }

            var list = string.Join(", ", domains.OrderByDescending(d => d.Value).Select(d => $"{d.Key} ({d.Value})"));
            return errors == 0
                ? CheckVerdict.Configured(
                    $"Synced users come from {count} AD domains ({list}) without provisioning errors. Graph "
                        + "shows domains, not forests: confirm the forests in the Entra Connect wizard.",
                    figures)
                : CheckVerdict.Partial(
                    $"Synced users come from {count} AD domains ({list}), but {errors} "
                        + "have provisioning errors (often duplicates across forests).",
                    "Make sourceAnchor and UPN unique across forests (IdFix), and match users that "
                        + "exist in several forests with the Connect matching rule (mail or ObjectSID).",
                    figures);
        }

        /// <summary>
        /// What the fold keeps: two counts, a count per AD domain and the distinct domain SIDs (one per AD domain,
        /// a handful), whatever the number of users.
        /// </summary>
        public sealed class Tally
        {
            public int Synced { get; set; }
            public int Errors { get; set; }
            public Dictionary<string, int> Domains { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            public HashSet<string> Sids { get; } = new HashSet<string>();
        }
    }
}
