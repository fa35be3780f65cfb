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

namespace FastTrack.Onboarding.Engine.Checks.Enable.Tenant
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.Tenant;

    /// <summary>FT-ENABLE-TENANT-05: Directory synchronization enabled, recent and error-free.</summary>
    public sealed class TenantDirectorySyncCheck : IFoldingCheck<UserRecord, DirectorySyncTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-TENANT-05",
            Title = "Directory synchronization enabled, recent and error-free",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Tenant,
            Area = CheckArea.Identity,
            Guidance = GuidanceLines.TenantSync,
            Needs = new[] { DatasetIds.Organization, DatasetIds.Users },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-express",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        public DirectorySyncTally Seed(CheckContext context) => new DirectorySyncTally();

        public DirectorySyncTally Accumulate(DirectorySyncTally state, UserRecord record) => DirectorySyncTally.Add(state, record);

        public CheckVerdict Finish(DirectorySyncTally state, CheckContext context) => EnablePhaseChecks.DirectorySync(state, context);
    }
}
