using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        // Premium with Connect: SSPR (G-P2) and MFA (G-P3), both read from the registration report.
        public static partial class PremiumHybrid
        {
            private static IReadOnlyList<JsonElement> NonAdminRows(CheckContext context) =>
                context.Items(DatasetIds.UserRegistrationDetails).Where(r => r.Bool("isAdmin") != true).ToList();

            private static CheckVerdict Sspr(CheckContext context)
            {
                // No Graph API exposes the SSPR policy scope itself: isSsprEnabled per user is the proxy (graph-map G-P2),
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
                    return CheckVerdict.NotConfigured($"Self-service password reset is enabled for none of {rows.Count} non-admin users.{sample.Caveat}",
                        "Entra ID > Protection > Password reset: set Self service password reset enabled to All (or a pilot group first) and require registration at sign-in.", figures);
                }

                var text = $"SSPR is enabled for {enabled} of {rows.Count} non-admin users ({share:P0}) and {registered} ({registeredShare:P0} of them) have registered.{sample.Caveat}";
                if (share >= SsprTarget && registeredShare >= MfaRegistrationTarget)
                {
                    return CheckVerdict.Configured(text, figures);
                }

                return CheckVerdict.Partial(text,
                    share < SsprTarget
                        ? "Entra ID > Protection > Password reset: set Self service password reset enabled to All users, and run a registration campaign (combined security-info registration) until most users have registered."
                        : "Run a registration campaign (combined security-info registration, or require registration at sign-in) until most users have registered.", figures);
            }

            /// <summary>
            /// G-P3. Enforcement (security defaults, Conditional Access) and registration (the registration
            /// report) are separate reads. When the registration report cannot be read (it needs Entra ID P1,
            /// which a tenant on security defaults often lacks), the status is judged on enforcement alone —
            /// required for all users → Configured, only report-only or scoped policies → Partial, nothing →
            /// NotConfigured — and the evidence says that registration coverage was not measured and why,
            /// naming the licence or permission it needs.
            /// </summary>
            private static CheckVerdict Mfa(CheckContext context)
            {
                var defaults = context.Entity(DatasetIds.SecurityDefaults)?.Bool("isEnabled") == true;
                var policies = context.Items(DatasetIds.ConditionalAccessPolicies).Where(ConditionalAccess.RequiresMfa).ToList();
                // Risk-based MFA policies are Identity Protection's business, not the baseline MFA requirement.
                var baseline = policies.Where(p => ConditionalAccess.RiskLevels(p, "signInRiskLevels").Count == 0 && ConditionalAccess.RiskLevels(p, "userRiskLevels").Count == 0).ToList();
                var enforced = baseline.Where(p => ConditionalAccess.IsEnabled(p) && ConditionalAccess.AllUsers(p) && ConditionalAccess.AllApps(p)).ToList();
                var partialPolicies = baseline.Where(p => !enforced.Contains(p) && (ConditionalAccess.IsEnabled(p) || ConditionalAccess.IsReportOnly(p))).ToList();
                var exclusions = enforced.Sum(ConditionalAccess.Exclusions);
                var how = defaults ? "security defaults" : enforced.Count > 0 ? $"Conditional Access ({string.Join(", ", enforced.Select(ConditionalAccess.Name))}, {exclusions} excluded users/groups)" : null;
                var enforcement = Facts.Of(("SecurityDefaults", defaults), ("MfaPoliciesAllUsers", enforced.Select(ConditionalAccess.Name).ToList()), ("OtherMfaPolicies", partialPolicies.Select(ConditionalAccess.Name).ToList()),
                    ("Exclusions", exclusions));
                const string requireMfa = "Create a Conditional Access policy requiring MFA (or an authentication strength) for All users and All cloud apps, excluding only break-glass accounts (or turn on security defaults if you have no P1).";
                const string turnOn = "Switch the report-only policy to On after reviewing its impact, and widen group-scoped policies to All users.";
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
                    return CheckVerdict.NotConfigured($"Neither security defaults nor a Conditional Access policy requires MFA; {registered} of {rows.Count} users registered MFA anyway.{sample.Caveat}", requireMfa, figures);
                }

                if (how != null && share >= MfaRegistrationTarget)
                {
                    return CheckVerdict.Configured($"MFA is required for all users by {how} and {registered} of {rows.Count} users ({share:P0}) have registered.{sample.Caveat}", figures);
                }

                if (how != null)
                {
                    return CheckVerdict.Partial($"MFA is required for all users by {how}, but only {registered} of {rows.Count} users ({share:P0}) have registered (target {MfaRegistrationTarget:P0}).{sample.Caveat}",
                        "Run an authentication-methods registration campaign (Entra ID > Authentication methods > Registration campaign) for the unregistered users.", figures);
                }

                return CheckVerdict.Partial($"MFA policies exist but none is enforced for all users and all apps ({others}); {registered} of {rows.Count} users registered.{sample.Caveat}", turnOn, figures);
            }

            private static CheckVerdict MfaWithoutRegistration(DatasetFailure unread, string? how, string others, IReadOnlyDictionary<string, object?> enforcement,
                string requireMfa, string turnOn)
            {
                var figures = enforcement.ToDictionary(f => f.Key, f => f.Value);
                figures["Users"] = null;
                figures["MfaRegistered"] = null;
                figures["RegistrationRead"] = false;
                var gap = $" Registration coverage was not measured: the registration report (reports/authenticationMethods/userRegistrationDetails) could not be read because {DatasetVerdicts.Why(unread)}; this verdict rests on enforcement alone.";
                var measure = unread.License != null
                    ? $" To measure registration coverage, assign or trial {unread.License} and run the assessment again."
                    : unread.Permission != null ? $" To measure registration coverage, grant {unread.Permission} and run the assessment again." : " Run the assessment again to measure registration coverage.";
                if (how != null)
                {
                    // Security defaults also make every user register MFA within 14 days of first sign-in.
                    var registration = how == "security defaults" ? " Security defaults also require every user to register MFA within 14 days of their next sign-in." : string.Empty;
                    return new CheckVerdict
                    {
                        Status = Model.Assessment.CheckStatus.Configured, Figures = figures,
                        Evidence = $"MFA is required for all users by {how}.{registration}{gap}",
                        Remediation = measure.TrimStart(),
                    };
                }

                return others.Length > 0
                    ? CheckVerdict.Partial($"MFA policies exist but none is enforced for all users and all apps ({others}).{gap}", turnOn + measure, figures)
                    : CheckVerdict.NotConfigured($"Neither security defaults nor a Conditional Access policy requires MFA.{gap}", requireMfa + measure, figures);
            }
        }
    }
}
