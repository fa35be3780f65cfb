using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Intune's managedDevices split by two closed enums: one shard per (complianceState, managementAgent) pair. In Graph's
    /// v1.0 schema both properties are Nullable="false" and neither enum has an unknownFutureValue member, so every device
    /// carries exactly one pair and the 7 x 13 = 91 shards cover each device exactly once (EnumShardsTests checks the
    /// members below against tests/GraphSchema/Schema/graph-v1.0-csdl.xml.gz). Both properties are among the eq filters
    /// Intune acts on (tests/GraphEmulator/IntuneFilterRules.cs); ranges it drops. Should a device still show a value not
    /// listed here (a member added after this schema), the first page catches it and the collection is read as one stream.
    /// </summary>
    internal static class EnumShards
    {
        public const string ComplianceProperty = "complianceState";
        public const string AgentProperty = "managementAgent";

        /// <summary>enum microsoft.graph.complianceState, in schema order.</summary>
        public static readonly IReadOnlyList<string> ComplianceStates = new[]
        {
            "unknown", "compliant", "noncompliant", "conflict", "error", "inGracePeriod", "configManager",
        };

        /// <summary>enum microsoft.graph.managementAgentType, in schema order.</summary>
        public static readonly IReadOnlyList<string> ManagementAgents = new[]
        {
            "eas", "mdm", "easMdm", "intuneClient", "easIntuneClient", "configurationManagerClient", "configurationManagerClientMdm",
            "configurationManagerClientMdmEas", "unknown", "jamf", "googleCloudDevicePolicyController", "microsoft365ManagedMdm",
            "msSense",
        };

        /// <summary>The 91 shards of managedDevices: the cross product of the two enums.</summary>
        public static IReadOnlyList<EqualityShard> ManagedDevices { get; } = ComplianceStates
            .SelectMany(state => ManagementAgents.Select(agent => new EqualityShard(new[]
            {
                new KeyValuePair<string, string>(ComplianceProperty, state),
                new KeyValuePair<string, string>(AgentProperty, agent),
            })))
            .ToList();

        /// <summary>
        /// Whether <paramref name="item"/> falls in one of <paramref name="shards"/>: every item of the unfiltered first page
        /// must, or the split would miss devices (a value this module does not know), and the collection is not split.
        /// </summary>
        public static bool Covered(IReadOnlyList<IShard> shards, JsonElement item) => shards.Any(s => s.Admits(item));
    }
}
