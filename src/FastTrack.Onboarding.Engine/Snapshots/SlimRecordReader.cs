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
                OnPremisesDomainSid = DomainSid(Text(item, "onPremisesSecurityIdentifier")) is string sid ? Pool(sid) : null,
                CreatedDateTime = Date(item, "createdDateTime"),
            };

            user.Licenses = Collect(item, "assignedLicenses", license => new LicenseRecord
            {
                SkuId = Pooled(license, "skuId") ?? string.Empty,
                DisabledPlans = Strings(license, "disabledPlans"),
            });

            // Every state counts toward group-assigned licences; only states in error are kept.
            foreach (var state in Array(item, "licenseAssignmentStates"))
            {
                if (Text(state, "assignedByGroup") != null)
                {
                    user.GroupAssignedLicenses++;
                }
            }

            user.LicenseErrors = Collect(item, "licenseAssignmentStates", state =>
                Text(state, "error") is string error && !string.Equals(error, "None", StringComparison.OrdinalIgnoreCase)
                    ? new LicenseErrorRecord
                    {
                        SkuId = Pooled(state, "skuId"),
                        Error = Pool(error),
                        AssignedByGroup = Pooled(state, "assignedByGroup"),
                    }
                    : null);

            user.ProvisioningErrors = Collect(item, "onPremisesProvisioningErrors", error => new ProvisioningErrorRecord
            {
                Category = Pooled(error, "category"),
                PropertyCausingError = Pooled(error, "propertyCausingError"),
                Value = Text(error, "value"),
                OccurredDateTime = Date(error, "occurredDateTime"),
            });

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
            group.GroupTypes = Strings(item, "groupTypes");
            group.LicenseSkuIds = Collect(item, "assignedLicenses", license => Pooled(license, "skuId"));
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
            principal.Tags = Strings(item, "tags");
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

        /// <summary>
        /// The mapped items of a JSON array, in an array of exactly their number (the shared empty
        /// array when there are none); items mapped to null are left out.
        /// </summary>
        private static IReadOnlyList<T> Collect<T>(JsonElement item, string name, Func<JsonElement, T?> map)
            where T : class
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                return System.Array.Empty<T>();
            }

            var items = new T[value.GetArrayLength()];
            var count = 0;
            foreach (var element in value.EnumerateArray())
            {
                if (map(element) is T mapped)
                {
                    items[count++] = mapped;
                }
            }

            if (count == 0)
            {
                return System.Array.Empty<T>();
            }

            if (count < items.Length)
            {
                System.Array.Resize(ref items, count);
            }

            return items;
        }

        /// <summary>The pooled strings of a JSON array of strings.</summary>
        private IReadOnlyList<string> Strings(JsonElement item, string name) =>
            Collect(item, name, element => element.ValueKind == JsonValueKind.String ? Pool(element.GetString()!) : null);

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
            item.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                ? value.GetBoolean()
                : (bool?)null;

        private static DateTimeOffset? Date(JsonElement item, string name) =>
            Text(item, name) is string text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : (DateTimeOffset?)null;

        private static IEnumerable<JsonElement> Array(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? (IEnumerable<JsonElement>)value.EnumerateArray()
                : System.Array.Empty<JsonElement>();
    }
}
