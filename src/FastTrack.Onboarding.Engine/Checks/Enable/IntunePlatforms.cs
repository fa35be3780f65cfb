using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Intune objects by platform (grouped by @odata.type) and their assignments.
    /// The platforms "in scope" are those with enrolled devices; with no devices read, all four (IntuneDeviceTally.InScope).
    /// </summary>
    internal static class IntunePlatforms
    {
        public const string Windows = "Windows";
        public const string Ios = "iOS";
        public const string Android = "Android";
        public const string MacOs = "macOS";
        public const string Web = "Web";

        public static readonly IReadOnlyList<string> Devices = new[] { Windows, Ios, Android, MacOs };

        private const string GroupTarget = "#microsoft.graph.groupAssignmentTarget";

        /// <summary>The platform an Intune object's @odata.type is for, or
        /// null (managed*StoreApp MAM placeholders, unknown types).</summary>
        public static string? Of(JsonElement item)
        {
            var type = (item.Text("@odata.type") ?? string.Empty).Replace("#microsoft.graph.", string.Empty);
            if (type.Length == 0 || type.StartsWith("managedIOSStore", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("managedAndroidStore", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (type.StartsWith("ios", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("managedIOS", StringComparison.OrdinalIgnoreCase))
            {
                return Ios;
            }

            if (type.StartsWith("android", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("managedAndroid", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("aospDevice", StringComparison.OrdinalIgnoreCase))
            {
                return Android;
            }

            if (type.StartsWith("macOS", StringComparison.OrdinalIgnoreCase))
            {
                return MacOs;
            }

            if (type.StartsWith("win", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("microsoftStoreForBusiness", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("officeSuite", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("sharedPC", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("editionUpgrade", StringComparison.OrdinalIgnoreCase))
            {
                return Windows;
            }

            return type.Equals("webApp", StringComparison.OrdinalIgnoreCase) ? Web : null;
        }

        /// <summary>The platform of a managed device's operatingSystem value.</summary>
        public static string? OfDevice(DeviceRecord device)
        {
            var os = device.OperatingSystem ?? string.Empty;
            if (os.StartsWith("Windows", StringComparison.OrdinalIgnoreCase)) return Windows;
            if (os.Equals("iOS", StringComparison.OrdinalIgnoreCase) || os.Equals("iPadOS", StringComparison.OrdinalIgnoreCase)) return Ios;
            if (os.StartsWith("Android", StringComparison.OrdinalIgnoreCase)) return Android;
            if (os.Equals("macOS", StringComparison.OrdinalIgnoreCase) || os.Equals("Mac OS", StringComparison.OrdinalIgnoreCase))
                return MacOs;
            return null;
        }

        public static IReadOnlyList<JsonElement> Assignments(JsonElement item) => item.Array("assignments");

        /// <summary>Included assignments (not exclusions): a policy or app with one is deployed.</summary>
        public static bool IsAssigned(JsonElement item) =>
            item.Bool("isAssigned") == true
                || Assignments(item).Any(a =>
                    (a.Child("target")?.Text("@odata.type") ?? string.Empty).IndexOf("exclusion", StringComparison.OrdinalIgnoreCase) < 0);

        /// <summary>Group ids the item is assigned to (include targets only).</summary>
        public static IEnumerable<string> TargetGroups(JsonElement item) =>
            Assignments(item)
                .Select(a => a.Child("target"))
                .Where(t => t?.Text("@odata.type") == GroupTarget)
                .Select(t => t!.Value.Text("groupId"))
                .Where(id => id != null)
                .Select(id => id!);

        /// <summary>True when assigned to "All users" or "All devices" (the broad targets a pilot should not start with).</summary>
        public static bool TargetsEveryone(JsonElement item) =>
            Assignments(item).Any(a => a.Child("target")?.Text("@odata.type") is string type
                && (type.EndsWith("allLicensedUsersAssignmentTarget", StringComparison.Ordinal)
                    || type.EndsWith("allDevicesAssignmentTarget", StringComparison.Ordinal)));

        public static string List(IEnumerable<string> platforms)
        {
            var list = platforms.ToList();
            return list.Count == 0 ? "none" : string.Join(", ", list);
        }
    }
}
