using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Enable.Intune
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.Intune;

    /// <summary>FT-ENABLE-INTUNE-02: Identities used by Intune: synced or cloud.</summary>
    public sealed class IntuneIdentitiesCheck : IFoldingCheck<UserRecord, IntuneIdentitiesCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-02",
            Title = "Identities used by Intune: synced or cloud",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Setup,
            Guidance = GuidanceLines.IntuneIdentities,
            Needs = new[] { DatasetIds.Organization, DatasetIds.Users },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/fundamentals/users-add",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (user.UserType != "Guest")
            {
                state.Members++;
                if (user.IsSynced) state.Synced++;
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var synced = context.Entity(DatasetIds.Organization)?.Bool("onPremisesSyncEnabled") == true;
            var syncedMembers = state.Synced;
            var cloud = state.Members - syncedMembers;
            var figures = Facts.Of(("DirectorySync", synced), ("SyncedMembers", syncedMembers), ("CloudOnlyMembers", cloud));
            if (synced && state.Members > 0 && (double)cloud / state.Members > 0.25)
            {
                return CheckVerdict.Partial(
                    $"The tenant synchronizes from AD, yet {cloud} of {state.Members} members are cloud-only: a mixed identity model.",
                    "Decide the identity source for Intune users; create the cloud-only "
                        + "users in AD (and soft-match them) if AD is the source.",
                    figures);
            }

            return CheckVerdict.Info(synced
                ? $"Intune users come from on-premises AD: {syncedMembers} synced and {cloud} cloud-only members."
                : $"Intune users are cloud identities: {state.Members} members, no directory synchronization.", figures: figures);
        }

        /// <summary>What the fold keeps: two counts, whatever the tenant's size.</summary>
        public sealed class Tally
        {
            public int Members { get; set; }
            public int Synced { get; set; }
        }
    }
}
