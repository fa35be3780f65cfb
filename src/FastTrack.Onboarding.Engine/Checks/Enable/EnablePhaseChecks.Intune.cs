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

            internal static CheckVerdict TestGroupsRead(CheckContext context)
            {
                var items = ItemsIfRead(context, Policies.Concat(MamPolicies)).ToList();
                var assigned = items.Where(IntunePlatforms.IsAssigned).ToList();
                var groupIds = new HashSet<string>(assigned.SelectMany(IntunePlatforms.TargetGroups), StringComparer.OrdinalIgnoreCase);
                var pilot = context.Groups.Where(g => groupIds.Contains(g.Id) && PilotName.IsMatch(g.DisplayName ?? string.Empty))
                    .Select(g => g.DisplayName)
                    .ToList();
                var broad = assigned.Count(IntunePlatforms.TargetsEveryone);
                var figures = Facts.Of(
                    ("PoliciesAndApps", items.Count),
                    ("Assigned", assigned.Count),
                    ("GroupTargets", groupIds.Count),
                    ("PilotGroups", pilot),
                    ("AssignedToEveryone", broad));
                if (assigned.Count == 0)
                {
                    return CheckVerdict.NotConfigured(
                        $"None of the {items.Count} Intune policies and apps is assigned, so no test group validates them yet.",
                        "Create pilot user and device groups (for example 'Intune Pilot - "
                            + "Users') and assign new policies and apps to them before everyone.",
                        figures);
                }

                if (pilot.Count > 0)
                {
                    return CheckVerdict.Configured(
                        $"{assigned.Count} assigned policies and apps target {groupIds.Count} groups, including "
                            + $"test groups {string.Join(", ", pilot)} (names matched; intent cannot be proved).",
                        figures);
                }

                return CheckVerdict.Partial(
                    $"{assigned.Count} policies and apps are assigned ({broad} to All users/All "
                        + "devices) but no targeted group looks like a test or pilot group.",
                    "Validate new policies on a pilot group first (name it 'Pilot' or "
                        + "'Test' so it is recognised), then widen the assignment.",
                    figures);
            }

            // Per platform: a list of platforms with assigned items, with items but none assigned, and with none.
            internal static CheckVerdict PerPlatform(
                CheckContext context,
                IReadOnlyList<JsonElement> items,
                string what,
                string remediation,
                IReadOnlyList<string>? scope = null)
            {
                scope ??= IntunePlatforms.InScope(context);
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
