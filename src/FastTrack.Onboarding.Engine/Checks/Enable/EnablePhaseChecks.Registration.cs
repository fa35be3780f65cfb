using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        // Premium with Connect: SSPR and MFA, both read from the registration report.
        public static partial class PremiumHybrid
        {
            internal static IReadOnlyList<JsonElement> NonAdminRows(CheckContext context) =>
                context.Items(DatasetIds.UserRegistrationDetails).Where(r => r.Bool("isAdmin") != true).ToList();

            internal static CheckVerdict MfaWithoutRegistration(
                DatasetFailure unread,
                string? how,
                string others,
                IReadOnlyDictionary<string, object?> enforcement,
                string requireMfa,
                string turnOn)
            {
                var figures = enforcement.ToDictionary(f => f.Key, f => f.Value);
                figures["Users"] = null;
                figures["MfaRegistered"] = null;
                figures["RegistrationRead"] = false;
                var gap = " Registration coverage was not measured: the registration report "
                    + "(reports/authenticationMethods/userRegistrationDetails) could not be read "
                    + $"because {DatasetVerdicts.Why(unread)}; this verdict rests on enforcement alone.";
                var measure = unread.License != null
                    ? $" To measure registration coverage, assign or trial {unread.License} and run the assessment again."
                    : unread.Permission != null
                        ? $" To measure registration coverage, grant {unread.Permission} and run the assessment again."
                        : " Run the assessment again to measure registration coverage.";
                if (how != null)
                {
                    // Security defaults also make every user register MFA within 14 days of first sign-in.
                    var registration = how == "security defaults"
                        ? " Security defaults also require every user to register MFA within 14 days of their next sign-in."
                        : string.Empty;
                    return new CheckVerdict
                    {
                        Status = Model.Assessment.CheckStatus.Configured,
                        Figures = figures,
                        Evidence = $"MFA is required for all users by {how}.{registration}{gap}",
                        Remediation = measure.TrimStart(),
                    };
                }

                return others.Length > 0
                    ? CheckVerdict.Partial(
                        $"MFA policies exist but none is enforced for all users and all apps ({others}).{gap}",
                        turnOn + measure,
                        figures)
                    : CheckVerdict.NotConfigured(
                        $"Neither security defaults nor a Conditional Access policy requires MFA.{gap}",
                        requireMfa + measure,
                        figures);
            }
        }
    }
}
