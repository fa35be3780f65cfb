using System;
using System.Collections.Generic;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>Microsoft 365 usage reports and Intune.</summary>
    public static partial class DatasetCatalog
    {
        private static IEnumerable<DatasetDefinition> IntuneDatasets()
        {
            // ---- Microsoft 365 usage reports (docs/graph-notes.md, 'Usage reports') ---------------------------------------------
            // The aggregate reports, not getM365AppUserDetail: one request each whatever the tenant's
            // size (the per-user report pages 200 rows at a time, so 100k users would be 500 requests,
            // far past the usage-report limit of 100 per 10 minutes), and no user names, so the
            // tenant's "conceal user names" setting cannot change the figures.
            yield return UsageReport(DatasetIds.M365AppPlatformUserCounts, "getM365AppPlatformUserCounts");
            yield return UsageReport(DatasetIds.M365AppUserCounts, "getM365AppUserCounts");

            // ---- Intune ---------------------------------------------------------------------------------
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DeviceManagement,
                Path = "deviceManagement",
                Select = new[] { "id", "subscriptionState", "intuneAccountId", "settings" },
                Permission = GraphPermission.Same("DeviceManagementServiceConfig.Read.All", "DeviceManagementConfiguration.Read.All"),
                License = Intune,
                Area = ThrottleArea.Intune,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ManagedDevices,
                Path = "deviceManagement/managedDevices",
                Kind = DatasetKind.LargeCollection,
                PageSize = 1000,
                // Intune drops range filters (ShardProperties) and acts on eq: 91 shards, one per (complianceState,
                // managementAgent) pair of two closed, non-nullable enums, probed 20 to a $batch; the non-empty ones' nextLinks
                // are followed directly, 8 at a time (docs/graph-notes.md, 'Sharding Intune devices').
                EqualityShards = EnumShards.ManagedDevices,
                Select = new[]
                {
                    "id", "deviceName", "operatingSystem", "osVersion", "managementAgent", "deviceEnrollmentType", "complianceState",
                    "managedDeviceOwnerType", "enrolledDateTime", "lastSyncDateTime", "userId", "model", "manufacturer",
                },
                Permission = GraphPermission.Same("DeviceManagementManagedDevices.Read.All"),
                License = Intune,
                Area = ThrottleArea.IntuneDevices,
                Records = RecordShape.Of("devices", (reader, item) => reader.Device(item), d => d.Id, s => s.Devices,
                    (s, records) => s.Devices = records),
            };
            yield return Intune1000(DatasetIds.CompliancePolicies, "deviceManagement/deviceCompliancePolicies",
                "DeviceManagementConfiguration.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.DeviceConfigurations, "deviceManagement/deviceConfigurations",
                "DeviceManagementConfiguration.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.DeviceConfigurationsBeta, "deviceManagement/deviceConfigurations",
                "DeviceManagementConfiguration.Read.All", new[] { "assignments" }) with
            {
                Version = ApiVersion.Beta,
            };
            yield return Intune1000(DatasetIds.MobileApps, "deviceAppManagement/mobileApps",
                "DeviceManagementApps.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.IosAppProtections, "deviceAppManagement/iosManagedAppProtections",
                "DeviceManagementApps.Read.All", new[] { "assignments", "apps" });
            yield return Intune1000(DatasetIds.AndroidAppProtections, "deviceAppManagement/androidManagedAppProtections",
                "DeviceManagementApps.Read.All", new[] { "assignments", "apps" });
            yield return Intune1000(DatasetIds.MobileAppConfigurations, "deviceAppManagement/mobileAppConfigurations",
                "DeviceManagementApps.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.ManagedAppRegistrations, "deviceAppManagement/managedAppRegistrations",
                "DeviceManagementApps.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.EnrollmentConfigurations, "deviceManagement/deviceEnrollmentConfigurations",
                "DeviceManagementServiceConfig.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.ExchangeConnectors, "deviceManagement/exchangeConnectors",
                "DeviceManagementServiceConfig.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.IntuneRoleDefinitions, "deviceManagement/roleDefinitions",
                "DeviceManagementRBAC.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.IntuneRoleAssignments, "deviceManagement/roleAssignments",
                "DeviceManagementRBAC.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.AutopilotDevices, "deviceManagement/windowsAutopilotDeviceIdentities",
                "DeviceManagementServiceConfig.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.DetectedApps, "deviceManagement/detectedApps", "DeviceManagementManagedDevices.Read.All",
                Array.Empty<string>()) with
            {
                Area = ThrottleArea.IntuneDevices,
                MaxItems = 5000,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ApplePushCertificate,
                Path = "deviceManagement/applePushNotificationCertificate",
                NotFoundMeansAbsent = true,
                Select = new[] { "id", "appleIdentifier", "expirationDateTime", "lastModifiedDateTime", "topicIdentifier" },
                Permission = GraphPermission.Same("DeviceManagementServiceConfig.Read.All"),
                License = Intune,
                Area = ThrottleArea.IntuneDevices,
            };
        }
    }
}
