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

    /// <summary>FT-ASSESS-ADMIN-02: Technical notification contact is set.</summary>
    public sealed class TechnicalContactsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ADMIN-02",
            Title = "Technical notification contact is set",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Administration,
            Guidance = AdminOverview,
            Needs = new[] { DatasetIds.Organization },
            LearnMoreUrl = "https://learn.microsoft.com/entra/fundamentals/properties-area",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Administration,
                EffortDays = 1,
                DependsOn = Array.Empty<string>(),
                Priority = RemediationPriority.Low
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var mails = context.Entity(DatasetIds.Organization)?.Strings("technicalNotificationMails") ?? Array.Empty<string>();
            return mails.Count > 0
                ? CheckVerdict.Configured($"Technical notifications go to {string.Join(", ", mails)}.", new Dictionary<string,
                    object?>
                { ["Contacts"] = mails })
                : CheckVerdict.NotConfigured(
                    "No technical notification contact is set: service and security notices reach nobody in particular.",
                    "Set a monitored mailbox in Microsoft 365 admin center > Settings > Org settings > Organization "
                        + "profile > Release preferences / Technical contact (or Entra ID > Properties).");
        }
    }
}
