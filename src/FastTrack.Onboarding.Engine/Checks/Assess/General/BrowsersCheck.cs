using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseClientChecks;

    /// <summary>FT-ASSESS-CLIENT-03: Browsers meet the Microsoft 365 requirements.</summary>
    public sealed class BrowsersCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-CLIENT-03",
            Title = "Browsers meet the Microsoft 365 requirements",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Clients,
            Guidance = Guidance,
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/misc/microsoft-365-and-office-resources",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 2,
                DependsOn = Array.Empty<string>(),
                Priority = RemediationPriority.Low
            },
        };

        public CheckVerdict Evaluate(CheckContext context) =>
            CheckVerdict.NoGraphApi("Graph does not report which browsers people use.",
                "Check browsers against the Microsoft 365 supported-browser list (current Edge, Chrome, Firefox, Safari; no Internet "
                    + "Explorer), for example from your endpoint inventory or the browser column of the Entra sign-in logs.");
    }
}
