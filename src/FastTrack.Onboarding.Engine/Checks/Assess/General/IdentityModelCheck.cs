using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseProvisioningChecks;

    /// <summary>FT-ASSESS-ID-05: Identity model: cloud-only and synced users.</summary>
    public sealed class IdentityModelCheck : IFoldingCheck<UserRecord, IdentityModelCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ID-05",
            Title = "Identity model: cloud-only and synced users",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Identity,
            Guidance = Identity,
            Needs = new[] { DatasetIds.Users, DatasetIds.Organization },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/whatis-hybrid-identity",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Identity,
                EffortDays = 1,
                DependsOn = Array.Empty<string>(),
                Priority = RemediationPriority.Low
            },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, UserRecord user)
        {
            state.Users++;
            if (string.Equals(user.UserType, "Guest", StringComparison.OrdinalIgnoreCase))
            {
                return state;
            }

            state.Members++;
            if (user.IsSynced)
            {
                state.Synced++;
                if (user.OnPremisesDomainName is { } domain)
                {
                    state.Domains[domain] = state.Domains.TryGetValue(domain, out var n) ? n + 1 : 1;
                }
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var members = state.Members;
            var synced = state.Synced;
            var organization = context.Entity(DatasetIds.Organization);
            var syncOn = organization?.Bool("onPremisesSyncEnabled") == true;
            var lastSync = organization?.Date("onPremisesLastSyncDateTime");
            var domains = state.Domains.ToDictionary(d => d.Key, d => d.Value);
            var figures = new Dictionary<string, object?>
            {
                ["Members"] = members,
                ["Synced"] = synced,
                ["CloudOnly"] = members - synced,
                ["Guests"] = state.Users - members,
                ["DirectorySync"] = syncOn,
                ["LastSync"] = lastSync,
                ["OnPremisesDomains"] = domains,
            };
            var model = synced == 0 ? "cloud-only" : synced == members ? "fully synchronized" : "hybrid";
            var text = $"{model}: {synced} synced and {members - synced} "
                + $"cloud-only members, {state.Users - members} guests"
                + (domains.Count > 0 ? $"; AD domains {string.Join(", ", domains.Select(d => $"{d.Key} ({d.Value})"))}" : string.Empty)
                + (syncOn ? $"; last sync {lastSync:u}." : ".");
            if (syncOn && lastSync is DateTimeOffset last && context.Now - last > TimeSpan.FromHours(3))
            {
                return CheckVerdict.Partial(
                    text + " Directory synchronization has not run for " + (int)(context.Now - last).TotalHours + " hours.",
                    "Check the Entra Connect server (Synchronization Service Manager, event log); a cycle runs every 30 minutes.",
                    figures);
            }

            return CheckVerdict.Info(
                text,
                synced > 0
                    ? string.Empty
                    : "Cloud-only: plan whether on-premises AD will be synchronized (Entra Connect / Cloud Sync) before enabling services.",
                figures);
        }

        /// <summary>What the fold keeps: three counts and a count per on-premises AD domain (a handful), in the order first seen.</summary>
        public sealed class Tally
        {
            public int Users { get; set; }
            public int Members { get; set; }
            public int Synced { get; set; }
            public Dictionary<string, int> Domains { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        }
    }
}
