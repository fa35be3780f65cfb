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

    /// <summary>FT-ENABLE-AADH-04: MFA required (security defaults or Conditional Access) and registered.</summary>
    public sealed class MfaRequiredCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-04",
            Title = "MFA required (security defaults or Conditional Access) and registered",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Authentication,
            Guidance = GuidanceLines.HybridMfa,
            Needs = new[] { DatasetIds.SecurityDefaults, DatasetIds.ConditionalAccessPolicies },
            Optional = new[] { DatasetIds.UserRegistrationDetails },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-mfa-strength",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        /// <summary>
        /// report) are separate reads. When the registration report cannot be read (it needs Entra ID P1,
        /// which a tenant on security defaults often lacks), the status is judged on enforcement alone —
        /// required for all users → Configured, only report-only or scoped policies → Partial, nothing →
        /// NotConfigured — and the evidence says that registration coverage was not measured and why,
        /// naming the licence or permission it needs.
        /// </summary>
        public CheckVerdict Evaluate(CheckContext context)
        {
            var defaults = context.Entity(DatasetIds.SecurityDefaults)?.Bool("isEnabled") == true;
            var policies = context.Items(DatasetIds.ConditionalAccessPolicies).Where(ConditionalAccess.RequiresMfa).ToList();
            // Risk-based MFA policies are Identity Protection's business, not the baseline MFA requirement.
            var baseline = policies.Where(p => ConditionalAccess.RiskLevels(p,
                "signInRiskLevels").Count == 0 && ConditionalAccess.RiskLevels(p, "userRiskLevels").Count == 0).ToList();
            var enforced = baseline
                .Where(p => ConditionalAccess.IsEnabled(p) && ConditionalAccess.AllUsers(p) && ConditionalAccess.AllApps(p))
                .ToList();
            var partialPolicies = baseline
                .Where(p => !enforced.Contains(p) && (ConditionalAccess.IsEnabled(p) || ConditionalAccess.IsReportOnly(p)))
                .ToList();
            var exclusions = enforced.Sum(ConditionalAccess.Exclusions);
            var how = defaults
                ? "security defaults"
                : enforced.Count > 0
                    ? $"Conditional Access ({string.Join(", ", enforced.Select(ConditionalAccess.Name))}, "
                        + $"{exclusions} excluded users/groups)"
                    : null;
            var enforcement = Facts.Of(("SecurityDefaults", defaults), ("MfaPoliciesAllUsers",
                enforced.Select(ConditionalAccess.Name).ToList()), ("OtherMfaPolicies",
                partialPolicies.Select(ConditionalAccess.Name).ToList()),
                ("Exclusions", exclusions));
            const string requireMfa = "Create a Conditional Access policy requiring MFA (or an authentication strength) for All "
                + "users and All cloud apps, excluding only break-glass accounts (or turn on security defaults if you have no P1).";
            const string turnOn = "Switch the report-only policy to On after reviewing "
                + "its impact, and widen group-scoped policies to All users.";
            var others = string.Join(", ", partialPolicies.Select(p => $"{ConditionalAccess.Name(p)}: {p.Text("state")}"));

            if (context.FailureOf(DatasetIds.UserRegistrationDetails) is DatasetFailure unread)
            {
                return DatasetVerdicts.NamingUnread(MfaWithoutRegistration(unread, how, others, enforcement, requireMfa, turnOn), unread);
            }

            var sample = RegistrationSample.Of(context);
            var rows = context.Items(DatasetIds.UserRegistrationDetails);
            var registered = rows.Count(r => r.Bool("isMfaRegistered") == true);
            var share = rows.Count == 0 ? 0 : (double)registered / rows.Count;
            var all = enforcement.ToDictionary(f => f.Key, f => f.Value);
            all["Users"] = rows.Count;
            all["MfaRegistered"] = registered;
            var figures = sample.AddTo(all);
            if (how is null && partialPolicies.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    "Neither security defaults nor a Conditional Access policy requires MFA; "
                        + $"{registered} of {rows.Count} users registered MFA anyway.{sample.Caveat}",
                    requireMfa,
                    figures);
            }

            if (how != null && share >= MfaRegistrationTarget)
            {
                return CheckVerdict.Configured(
                    $"MFA is required for all users by {how} and {registered} of "
                        + $"{rows.Count} users ({share:P0}) have registered.{sample.Caveat}",
                    figures);
            }

            if (how != null)
            {
                return CheckVerdict.Partial(
                    $"MFA is required for all users by {how}, but only {registered} of {rows.Count} users "
                        + $"({share:P0}) have registered (target {MfaRegistrationTarget:P0}).{sample.Caveat}",
                    "Run an authentication-methods registration campaign (Entra ID > Authentication "
                        + "methods > Registration campaign) for the unregistered users.",
                    figures);
            }

            return CheckVerdict.Partial(
                $"MFA policies exist but none is enforced for all users and all apps ({others}); "
                    + $"{registered} of {rows.Count} users registered.{sample.Caveat}",
                turnOn,
                figures);
        }
    }
}
