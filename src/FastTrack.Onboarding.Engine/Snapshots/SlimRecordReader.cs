using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Snapshots
{
    /// <summary>
    /// Turns one JSON item of a Graph page into a slim record. Repeated values (SKU ids, operating
    /// systems, domain names) are pooled so 100k users share one string per distinct value.
    /// Not thread-safe: one reader per stream.
    /// </summary>
    internal sealed class SlimRecordReader
    {
        private readonly Dictionary<string, string> _pool = new Dictionary<string, string>(StringComparer.Ordinal);

        public UserRecord User(JsonElement item)
        {
            var user = new UserRecord
            {
                Id = Text(item, "id") ?? string.Empty,
                UserPrincipalName = Text(item, "userPrincipalName"),
                DisplayName = Text(item, "displayName"),
                AccountEnabled = Bool(item, "accountEnabled"),
                UserType = Pooled(item, "userType"),
                UsageLocation = Pooled(item, "usageLocation"),
                OnPremisesSyncEnabled = Bool(item, "onPremisesSyncEnabled"),
                OnPremisesDomainName = Pooled(item, "onPremisesDomainName"),
                HasImmutableId = Text(item, "onPremisesImmutableId") != null,
                OnPremisesDomainSid = DomainSid(Text(item, "onPremisesSecurityIdentifier")),
                CreatedDateTime = Date(item, "createdDateTime"),
            };

            foreach (var license in Array(item, "assignedLicenses"))
            {
                var record = new LicenseRecord { SkuId = Pooled(license, "skuId") ?? string.Empty };
                foreach (var plan in Array(license, "disabledPlans"))
                {
                    if (plan.ValueKind == JsonValueKind.String)
                    {
                        record.DisabledPlans.Add(Pool(plan.GetString()!));
                    }
                }

                user.Licenses.Add(record);
            }

            foreach (var state in Array(item, "licenseAssignmentStates"))
            {
                var group = Text(state, "assignedByGroup");
                if (group != null)
                {
                    user.GroupAssignedLicenses++;
                }

                var error = Text(state, "error");
                if (error != null && !string.Equals(error, "None", StringComparison.OrdinalIgnoreCase))
                {
                    user.LicenseErrors.Add(new LicenseErrorRecord { SkuId = Pooled(state, "skuId"), Error = Pool(error), AssignedByGroup = group });
                }
            }

            foreach (var error in Array(item, "onPremisesProvisioningErrors"))
            {
                user.ProvisioningErrors.Add(new ProvisioningErrorRecord
                {
                    Category = Pooled(error, "category"),
                    PropertyCausingError = Pooled(error, "propertyCausingError"),
                    Value = Text(error, "value"),
                    OccurredDateTime = Date(error, "occurredDateTime"),
                });
            }

            return user;
        }

        public GroupRecord Group(JsonElement item)
        {
            var group = new GroupRecord
            {
                Id = Text(item, "id") ?? string.Empty,
                DisplayName = Text(item, "displayName"),
                SecurityEnabled = Bool(item, "securityEnabled"),
                MailEnabled = Bool(item, "mailEnabled"),
                MembershipRule = Text(item, "membershipRule"),
                MembershipRuleProcessingState = Pooled(item, "membershipRuleProcessingState"),
                OnPremisesSyncEnabled = Bool(item, "onPremisesSyncEnabled"),
                CreatedDateTime = Date(item, "createdDateTime"),
            };
            foreach (var type in Array(item, "groupTypes"))
            {
                if (type.ValueKind == JsonValueKind.String)
                {
                    group.GroupTypes.Add(Pool(type.GetString()!));
                }
            }

            foreach (var license in Array(item, "assignedLicenses"))
            {
                var sku = Pooled(license, "skuId");
                if (sku != null)
                {
                    group.LicenseSkuIds.Add(sku);
                }
            }

            return group;
        }

        public DeviceRecord Device(JsonElement item) => new DeviceRecord
        {
            Id = Text(item, "id") ?? string.Empty,
            DeviceName = Text(item, "deviceName"),
            OperatingSystem = Pooled(item, "operatingSystem"),
            OsVersion = Pooled(item, "osVersion"),
            ManagementAgent = Pooled(item, "managementAgent"),
            EnrollmentType = Pooled(item, "deviceEnrollmentType"),
            ComplianceState = Pooled(item, "complianceState"),
            OwnerType = Pooled(item, "managedDeviceOwnerType"),
            EnrolledDateTime = Date(item, "enrolledDateTime"),
            LastSyncDateTime = Date(item, "lastSyncDateTime"),
            UserId = Text(item, "userId"),
            Model = Pooled(item, "model"),
            Manufacturer = Pooled(item, "manufacturer"),
        };

        public ServicePrincipalRecord ServicePrincipal(JsonElement item)
        {
            var principal = new ServicePrincipalRecord
            {
                Id = Text(item, "id") ?? string.Empty,
                AppId = Text(item, "appId"),
                DisplayName = Text(item, "displayName"),
                ApplicationTemplateId = Pooled(item, "applicationTemplateId"),
                PreferredSingleSignOnMode = Pooled(item, "preferredSingleSignOnMode"),
                ServicePrincipalType = Pooled(item, "servicePrincipalType"),
                AccountEnabled = Bool(item, "accountEnabled"),
                AppOwnerOrganizationId = Pooled(item, "appOwnerOrganizationId"),
            };
            foreach (var tag in Array(item, "tags"))
            {
                if (tag.ValueKind == JsonValueKind.String)
                {
                    principal.Tags.Add(Pool(tag.GetString()!));
                }
            }

            return principal;
        }

        private static string? DomainSid(string? sid)
        {
            if (sid is null)
            {
                return null;
            }

            var lastDash = sid.LastIndexOf('-');
            return lastDash > 0 ? sid.Substring(0, lastDash) : sid;
        }

        private string Pool(string value)
        {
            if (_pool.TryGetValue(value, out var pooled))
            {
                return pooled;
            }

            _pool[value] = value;
            return value;
        }

        private string? Pooled(JsonElement item, string name)
        {
            var text = Text(item, name);
            return text is null ? null : Pool(text);
        }

        private static string? Text(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static bool? Bool(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False) ? value.GetBoolean() : (bool?)null;

        private static DateTimeOffset? Date(JsonElement item, string name) =>
            Text(item, name) is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : (DateTimeOffset?)null;

        private static IEnumerable<JsonElement> Array(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? (IEnumerable<JsonElement>)value.EnumerateArray() : System.Array.Empty<JsonElement>();
    }
}
