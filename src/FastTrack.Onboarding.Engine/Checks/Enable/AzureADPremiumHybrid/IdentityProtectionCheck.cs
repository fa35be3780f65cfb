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

    /// <summary>FT-ENABLE-AADH-10: Identity Protection: user-risk and sign-in-risk policies.</summary>
    public sealed class IdentityProtectionCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-10",
            Title = "Identity Protection: user-risk and sign-in-risk policies",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.IdentitySecurity,
            Guidance = GuidanceLines.HybridIdentityProtection,
            Needs = new[] { DatasetIds.ConditionalAccessPolicies, DatasetIds.RiskyUsers },
            LearnMoreUrl = "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-configure-risk-policies",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var risky = context.Items(DatasetIds.RiskyUsers);
            if (risky.Count > 0 && risky.All(r => r.Text("riskLevel") == "hidden"))
            {
                // Without P2 Graph answers but hides the risk level.
                return new CheckVerdict
                {
                    Status = CheckStatus.NotAssessed,
                    Reason = NotAssessedReason.LicenseRequired,
                    MissingLicense = "Microsoft Entra ID P2",
                    Evidence = "Graph returns risky users with riskLevel 'hidden': the tenant has no Entra ID P2.",
                    Remediation = "Risk-based policies need Microsoft Entra ID P2. "
                        + "Assign or trial the licence, then run the assessment again.",
                };
            }

            var policies = context.Items(DatasetIds.ConditionalAccessPolicies);
            var userRisk = policies.Where(p => ConditionalAccess.RiskLevels(p, "userRiskLevels").Count > 0).ToList();
            var signInRisk = policies.Where(p => ConditionalAccess.RiskLevels(p, "signInRiskLevels").Count > 0).ToList();
            var atRisk = risky.Count(r => r.Text("riskState") == "atRisk");
            var figures = Facts.Of(("UserRiskPolicies", userRisk.Select(p => $"{ConditionalAccess.Name(p)} ({p.Text("state")})").ToList()),
                ("SignInRiskPolicies", signInRisk.Select(p => $"{ConditionalAccess.Name(p)} ({p.Text("state")})").ToList()),
                    ("UsersAtRisk", atRisk));
            if (userRisk.Count == 0 && signInRisk.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    $"No Conditional Access policy uses user or sign-in risk; {atRisk} users are at risk.",
                    "Create two Conditional Access policies: sign-in risk medium+ → "
                        + "require MFA, user risk high → require secure password change.",
                    figures);
            }

            var enforcedUser = userRisk.Any(ConditionalAccess.IsEnabled);
            var enforcedSignIn = signInRisk.Any(ConditionalAccess.IsEnabled);
            if (enforcedUser && enforcedSignIn)
            {
                return CheckVerdict.Configured($"User-risk and sign-in-risk policies are enforced; {atRisk} users are at risk.", figures);
            }

            var gaps = new List<string>();
            if (!enforcedUser) gaps.Add(userRisk.Count == 0 ? "no user-risk policy" : "the user-risk policy is report-only");
            if (!enforcedSignIn) gaps.Add(signInRisk.Count == 0 ? "no sign-in-risk policy" : "the sign-in-risk policy is report-only");
            return CheckVerdict.Partial(
                $"Identity Protection is partly in place: {string.Join(", ", gaps)}; {atRisk} users are at risk.",
                "Turn the report-only risk policies on and add the missing one (user risk high → "
                    + "secure password change; sign-in risk medium+ → MFA); remediate users at risk.",
                figures);
        }
    }
}
