using System;

namespace FastTrack.Onboarding.Engine.Snapshots.Storage
{
    /// <summary>The section names of a schema-2 snapshot file, and its header (the snapshot without its large collections).</summary>
    internal static class SnapshotSections
    {
        public const string Users = "users";
        public const string Groups = "groups";
        public const string Devices = "devices";
        public const string ServicePrincipals = "servicePrincipals";

        public static TenantSnapshot Header(TenantSnapshot snapshot) => new TenantSnapshot
        {
            Format = snapshot.Format,
            SchemaVersion = TenantSnapshot.CurrentSchemaVersion,
            ModuleVersion = snapshot.ModuleVersion,
            TenantId = snapshot.TenantId,
            TenantName = snapshot.TenantName,
            InitialDomain = snapshot.InitialDomain,
            Environment = snapshot.Environment,
            CollectedOn = snapshot.CollectedOn,
            TokenType = snapshot.TokenType,
            GrantedPermissions = snapshot.GrantedPermissions,
            IncludePreview = snapshot.IncludePreview,
            GraphRequests = snapshot.GraphRequests,
            Datasets = snapshot.Datasets,
        };

        /// <summary>True when the bytes start a gzip stream (a schema-2 file); a schema-1 file starts with JSON text.</summary>
        public static bool IsCompressed(ReadOnlySpan<byte> start) => start.Length >= 2 && start[0] == 0x1f && start[1] == 0x8b;
    }
}
