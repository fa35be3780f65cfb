using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Snapshots
{
    /// <summary>
    /// Everything one collection pass read from a tenant, versioned so it can be saved, reloaded
    /// and re-evaluated offline, or compared with a later pass. Holds no token or secret: only
    /// tenant data and the names of the permissions the token carried.
    /// </summary>
    public sealed class TenantSnapshot
    {
        public const string FormatName = "FastTrack.Onboarding.Snapshot";
        // 2: gzip-compressed JSON lines with the large collections as sections (issue #14); 1 (one JSON document) still reads.
        public const int CurrentSchemaVersion = 2;

        public string Format { get; set; } = FormatName;
        public int SchemaVersion { get; set; } = CurrentSchemaVersion;
        public string ModuleVersion { get; set; } = string.Empty;
        public string TenantId { get; set; } = string.Empty;
        public string? TenantName { get; set; }
        public string? InitialDomain { get; set; }
        public string Environment { get; set; } = "Global";
        public DateTimeOffset CollectedOn { get; set; }

        /// <summary>"Application" or "Delegated": decides which permission a NotAssessed result names.</summary>
        public string TokenType { get; set; } = "Application";
        public List<string> GrantedPermissions { get; set; } = new List<string>();
        public bool IncludePreview { get; set; }
        public int GraphRequests { get; set; }

        public Dictionary<string, DatasetData> Datasets { get; set; } =
            new Dictionary<string, DatasetData>(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<UserRecord>? Users { get; set; }
        public IReadOnlyList<GroupRecord>? Groups { get; set; }
        public IReadOnlyList<DeviceRecord>? Devices { get; set; }
        public IReadOnlyList<ServicePrincipalRecord>? ServicePrincipals { get; set; }
    }
}
