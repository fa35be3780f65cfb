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

    /// <summary>FT-ENABLE-TENANT-06: Password hash synchronization on.</summary>
    public sealed class TenantPasswordHashSyncCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-TENANT-06",
            Title = "Password hash synchronization on",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Tenant,
            Area = CheckArea.Identity,
            Guidance = GuidanceLines.TenantPasswordSync,
            Needs = new[] { DatasetIds.Organization },
            Optional = new[] { DatasetIds.OnPremisesSynchronization, DatasetIds.OrganizationBeta },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-password-hash-synchronization",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) => EnablePhaseChecks.PasswordHashSync(context);
    }
}
