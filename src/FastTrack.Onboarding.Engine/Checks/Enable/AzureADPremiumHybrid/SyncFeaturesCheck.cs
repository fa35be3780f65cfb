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

namespace FastTrack.Onboarding.Engine.Checks.Enable.AzureADPremiumHybrid
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.PremiumHybrid;

    /// <summary>FT-ENABLE-AADH-02: Entra Connect sync with password writeback and password hash sync.</summary>
    public sealed class SyncFeaturesCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-02",
            Title = "Entra Connect sync with password writeback and password hash sync",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Identity,
            Guidance = GuidanceLines.HybridSync,
            Needs = new[] { DatasetIds.Organization, DatasetIds.OnPremisesSynchronization },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-custom",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var organization = context.Entity(DatasetIds.Organization);
            if (organization?.Bool("onPremisesSyncEnabled") != true)
            {
                return CheckVerdict.NotConfigured(
                    "Directory synchronization is not enabled, so neither password hash sync nor password writeback runs.",
                    "Install Microsoft Entra Connect with password hash synchronization and password writeback (Optional features).");
            }

            var features = context.Items(DatasetIds.OnPremisesSynchronization).FirstOrDefault().Child("features");
            var phs = features?.Bool("passwordSyncEnabled") == true;
            var writeback = features?.Bool("passwordWritebackEnabled") == true;
            var lastSync = organization?.Date("onPremisesLastSyncDateTime");
            var fresh = lastSync is DateTimeOffset last && context.Now - last <= SyncFreshness;
            var figures = Facts.Of(("PasswordHashSync", phs), ("PasswordWriteback", writeback), ("LastSync", lastSync));
            if (phs && writeback && fresh)
            {
                return CheckVerdict.Configured(
                    $"Entra Connect syncs (last cycle {lastSync:u}) with password hash sync and password writeback on.",
                    figures);
            }

            var off = new List<string>();
            if (!phs) off.Add("password hash sync is off");
            if (!writeback) off.Add("password writeback is off");
            if (!fresh) off.Add($"the last sync ({lastSync:u}) is older than {SyncFreshness.TotalHours:0} h");
            return CheckVerdict.Partial(
                $"Entra Connect syncs, but {string.Join(", ", off)}.",
                "Rerun the Entra Connect wizard > Customize synchronization options > Optional "
                    + "features: tick Password hash synchronization and Password writeback.",
                figures);
        }
    }
}
