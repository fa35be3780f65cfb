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
    public sealed class IdentityModelCheck : ICheck
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

        public CheckVerdict Evaluate(CheckContext context)
        {
            var members = context.Users.Where(u => !string.Equals(u.UserType, "Guest", StringComparison.OrdinalIgnoreCase)).ToList();
            var synced = members.Count(u => u.IsSynced);
            var organization = context.Entity(DatasetIds.Organization);
            var syncOn = organization?.Bool("onPremisesSyncEnabled") == true;
            var lastSync = organization?.Date("onPremisesLastSyncDateTime");
            var domains = members.Where(u => u.IsSynced && u.OnPremisesDomainName != null).GroupBy(u => u.OnPremisesDomainName!,
                StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Count());
            var figures = new Dictionary<string, object?>
            {
                ["Members"] = members.Count,
                ["Synced"] = synced,
                ["CloudOnly"] = members.Count - synced,
                ["Guests"] = context.Users.Count - members.Count,
                ["DirectorySync"] = syncOn,
                ["LastSync"] = lastSync,
                ["OnPremisesDomains"] = domains,
            };
            var model = synced == 0 ? "cloud-only" : synced == members.Count ? "fully synchronized" : "hybrid";
            var text = $"{model}: {synced} synced and {members.Count - synced} "
                + $"cloud-only members, {context.Users.Count - members.Count} guests"
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
    }
}
