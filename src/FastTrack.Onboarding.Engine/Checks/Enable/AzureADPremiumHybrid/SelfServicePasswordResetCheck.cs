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

    /// <summary>FT-ENABLE-AADH-03: Self-service password reset enabled and registered.</summary>
    public sealed class SelfServicePasswordResetCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-03",
            Title = "Self-service password reset enabled and registered",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Authentication,
            Guidance = GuidanceLines.HybridSspr,
            Needs = new[] { DatasetIds.UserRegistrationDetails },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/authentication/tutorial-enable-sspr",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            // No Graph API exposes the SSPR policy scope itself: isSsprEnabled per user is the proxy,
            // so the evidence states the per-user shares only, never a scope name. On a sample the same rule is
            // applied to the sample's shares (RegistrationSample).
            var sample = RegistrationSample.Of(context);
            var rows = NonAdminRows(context);
            var enabled = rows.Count(r => r.Bool("isSsprEnabled") == true);
            var registered = rows.Count(r => r.Bool("isSsprRegistered") == true);
            var share = rows.Count == 0 ? 0 : (double)enabled / rows.Count;
            var registeredShare = enabled == 0 ? 0 : (double)registered / enabled;
            var figures = sample.AddTo(Facts.Of(("Users", rows.Count), ("SsprEnabled", enabled), ("SsprRegistered", registered)));
            if (enabled == 0)
            {
                return CheckVerdict.NotConfigured(
                    $"Self-service password reset is enabled for none of {rows.Count} non-admin users.{sample.Caveat}",
                    "Entra ID > Protection > Password reset: set Self service password reset enabled "
                        + "to All (or a pilot group first) and require registration at sign-in.",
                    figures);
            }

            var text = $"SSPR is enabled for {enabled} of {rows.Count} non-admin users ({share:P0}) "
                + $"and {registered} ({registeredShare:P0} of them) have registered.{sample.Caveat}";
            if (share >= SsprTarget && registeredShare >= MfaRegistrationTarget)
            {
                return CheckVerdict.Configured(text, figures);
            }

            return CheckVerdict.Partial(
                text,
                share < SsprTarget
                    ? "Entra ID > Protection > Password reset: set Self service password reset enabled to All users, and run "
                        + "a registration campaign (combined security-info registration) until most users have registered."
                    : "Run a registration campaign (combined security-info registration, or "
                        + "require registration at sign-in) until most users have registered.",
                figures);
        }
    }
}
