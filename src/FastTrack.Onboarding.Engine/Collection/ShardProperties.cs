namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The properties large collections are range-sharded on, and why each is safe. A shard is a
    /// ge/le filter, so only a property whose resource page documents ge and le under $filter can
    /// carry one; a service that does not support a filter may drop it and answer with everything
    /// (Intune does), which ShardReader notices and survives, but only at the price of its probes.
    /// Sources (Microsoft Graph v1.0 resource property tables, microsoftgraph/microsoft-graph-docs-contrib):
    /// <list type="bullet">
    /// <item>user.userPrincipalName: "Supports $filter (eq, ne, not, ge, le, in, startsWith, endsWith) and $orderby"
    /// (api-reference/v1.0/resources/user.md).</item>
    /// <item>group.displayName: "Supports $filter (eq, ne, not, ge, le, in, startsWith, and eq on null values), $search, and
    /// $orderby" (resources/group.md).</item>
    /// <item>servicePrincipal.displayName: "Supports $filter (eq, ne, not, ge, le, in, startsWith, and eq on null values),
    /// $search, and $orderby" (resources/serviceprincipal.md).</item>
    /// <item>managedDevice: none. "List managedDevices" (api/intune-devices-manageddevice-list.md) documents no $filter,
    /// and Intune is reported to answer unsupported filters with every device (microsoft-graph-docs issues #19890,
    /// #19909, #16027): deviceManagement/managedDevices is not range-sharded. Sharding it on deviceName cost a
    /// 50k-device tenant about 9x the reads when the filter was ignored. It is split by eq conditions (EnumShards).</item>
    /// </list>
    /// </summary>
    internal static class ShardProperties
    {
        public const string UserPrincipalName = "userPrincipalName";
        public const string GroupDisplayName = "displayName";
        public const string ServicePrincipalDisplayName = "displayName";
    }
}
