using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>Reading Conditional Access policies the way the Enable items ask about them.</summary>
    internal static class ConditionalAccess
    {
        public static bool IsEnabled(JsonElement policy) => policy.Text("state") == "enabled";

        public static bool IsReportOnly(JsonElement policy) => policy.Text("state") == "enabledForReportingButNotEnforced";

        public static IReadOnlyList<string> Grants(JsonElement policy) =>
            policy.Child("grantControls")?.Strings("builtInControls") ?? (IReadOnlyList<string>)Array.Empty<string>();

        public static bool Requires(JsonElement policy, string control) =>
            Grants(policy).Contains(control, StringComparer.OrdinalIgnoreCase);

        public static bool RequiresMfa(JsonElement policy) =>
            Requires(policy, "mfa") || policy.Child("grantControls")?.Child("authenticationStrength") != null;

        public static bool AllUsers(JsonElement policy) =>
            Users(policy)?.Strings("includeUsers").Contains("All", StringComparer.OrdinalIgnoreCase) == true;

        public static bool AllApps(JsonElement policy) =>
            policy.Child("conditions")?.Child("applications")?.Strings("includeApplications")
                .Contains("All", StringComparer.OrdinalIgnoreCase) == true;

        public static IReadOnlyList<string> Platforms(JsonElement policy) =>
            policy.Child("conditions")?.Child("platforms")?.Strings("includePlatforms") ?? (IReadOnlyList<string>)Array.Empty<string>();

        /// <summary>True when the policy covers <paramref name="platform"/> (no platform condition covers every platform).</summary>
        public static bool Covers(JsonElement policy, string platform)
        {
            var platforms = Platforms(policy);
            return platforms.Count == 0
                || platforms.Any(p => string.Equals(p, "all", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(p, platform, StringComparison.OrdinalIgnoreCase));
        }

        public static IReadOnlyList<string> RiskLevels(JsonElement policy, string kind) =>
            policy.Child("conditions")?.Strings(kind) ?? (IReadOnlyList<string>)Array.Empty<string>();

        /// <summary>Excluded users and groups: they must be named in the evidence.</summary>
        public static int Exclusions(JsonElement policy) =>
            (Users(policy)?.Strings("excludeUsers").Count ?? 0) + (Users(policy)?.Strings("excludeGroups").Count ?? 0);

        public static string Name(JsonElement policy) => policy.Text("displayName") ?? policy.Text("id") ?? "(unnamed)";

        private static JsonElement? Users(JsonElement policy) => policy.Child("conditions")?.Child("users");
    }
}
