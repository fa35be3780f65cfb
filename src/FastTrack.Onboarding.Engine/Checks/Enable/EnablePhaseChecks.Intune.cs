using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        /// <summary>Enable phase, Microsoft Intune: MDM, MAM and PC management.</summary>
        public static partial class Intune
        {
            public const string IntunePlan = "c1ec4a95-1f05-45b3-a911-aa3fa01094f5";
            public const string IntuneAdministratorRole = "3a2c62db-5318-420d-8d74-23affee5d9d5";
            internal const FastTrackService Service = FastTrackService.Intune;
            internal const double LicensedTarget = 0.8;
            internal static readonly TimeSpan Stale = TimeSpan.FromDays(30);
            internal static readonly Regex PilotName =
                new Regex(@"pilot|test|ring ?0|early|uat|preview", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

            internal static readonly string[] Policies =
                { DatasetIds.CompliancePolicies, DatasetIds.DeviceConfigurations, DatasetIds.MobileApps };
            internal static readonly string[] MamPolicies = { DatasetIds.IosAppProtections, DatasetIds.AndroidAppProtections };
            internal static readonly string[] AutoEnrollment =
            {
                "windowsAzureADJoin",
                "windowsAutoEnrollment",
                "windowsCoManagement",
                "windowsAzureADJoinUsingDeviceAuth",
                "windowsBulkAzureDomainJoin",
                "windowsBulkUserless"
            };
            internal static readonly string[] EmailProfileTypes =
            {
                "iosEasEmailProfileConfiguration", "androidEasEmailProfileConfiguration", "androidWorkProfileGmailEasConfiguration",
                "androidForWorkGmailEasConfiguration", "androidWorkProfileNineWorkEasConfiguration",
                "androidForWorkNineWorkEasConfiguration", "windows10EasEmailProfileConfiguration",
            };

            internal static IEnumerable<JsonElement> ItemsIfRead(CheckContext context, IEnumerable<string> ids) =>
                ids.Where(context.Has).SelectMany(context.Items);

            // Per platform: a list of platforms with assigned items, with items but none assigned, and with none.
            // The scope is IntuneDeviceTally.InScope, from the checks' fold over the devices.
            internal static CheckVerdict PerPlatform(
                CheckContext context,
                IReadOnlyList<JsonElement> items,
                string what,
                string remediation,
                IReadOnlyList<string> scope)
            {
                var byPlatform = items.Select(i => (Platform: IntunePlatforms.Of(i), Item: i)).Where(x => x.Platform != null).ToList();
                var covered = scope.Where(p => byPlatform.Any(x => x.Platform == p && IntunePlatforms.IsAssigned(x.Item))).ToList();
                var unassigned = scope.Where(p => !covered.Contains(p) && byPlatform.Any(x => x.Platform == p)).ToList();
                var missing = scope.Where(p => !covered.Contains(p) && !unassigned.Contains(p)).ToList();
                var figures = Facts.Of(
                    ("PlatformsInScope", scope),
                    ("Assigned", covered),
                    ("UnassignedOnly", unassigned),
                    ("None", missing),
                    ("Counts", byPlatform.GroupBy(x => x.Platform!).ToDictionary(g => g.Key, g => g.Count())));
                var parts = new List<string> { $"assigned for {IntunePlatforms.List(covered)}" };
                if (unassigned.Count > 0) parts.Add($"created but unassigned for {IntunePlatforms.List(unassigned)}");
                if (missing.Count > 0) parts.Add($"none for {IntunePlatforms.List(missing)}");
                var text = $"{what}: {string.Join("; ", parts)} (platforms in scope: {IntunePlatforms.List(scope)}).";
                var verdict = covered.Count == scope.Count ? CheckVerdict.Configured(text, figures)
                    : covered.Count > 0 || unassigned.Count > 0
                        ? CheckVerdict.Partial(text, remediation, figures)
                        : CheckVerdict.NotConfigured(text, remediation, figures);
                // Without the device inventory every platform counts as in scope (the stricter reading): say why.
                return context.FailureOf(DatasetIds.ManagedDevices) is { } inventory
                    ? DatasetVerdicts.NamingUnread(
                        verdict with
                        {
                            Evidence = verdict.Evidence
                                + " Every platform counts as in scope: the device inventory "
                                + $"could not be read because {DatasetVerdicts.Why(inventory)}."
                        },
                        inventory)
                    : verdict;
            }
        }
    }
}
