using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.GraphSchema;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// The eq shards of managedDevices cover every device exactly once only while the engine's enum members are the schema's
/// and both properties can never be null: checked here against Microsoft's v1.0 CSDL (tests/GraphSchema/Schema).
/// </summary>
public sealed class EnumShardsTests
{
    private static readonly Lazy<XElement[]> Schema = new(() =>
    {
        using var resource = typeof(CsdlModel).Assembly.GetManifestResourceStream("graph-v1.0-csdl.xml.gz")!;
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        return XDocument.Load(gzip).Descendants().ToArray();
    });

    private static XElement Named(string element, string name) =>
        Assert.Single(Schema.Value, e => e.Name.LocalName == element && (string?)e.Attribute("Name") == name);

    private static List<string> Members(string enumType) =>
        Named("EnumType", enumType).Elements().Where(e => e.Name.LocalName == "Member").Select(e => (string)e.Attribute("Name")!).ToList();

    [Theory]
    [InlineData("complianceState", "graph.complianceState")]
    [InlineData("managementAgent", "graph.managementAgentType")]
    public void Both_shard_properties_are_non_nullable_enums_of_managedDevice(string property, string type)
    {
        var declared = Named("EntityType", "managedDevice").Elements().Single(e => e.Name.LocalName == "Property"
            && (string?)e.Attribute("Name") == property);
        Assert.Equal(type, (string?)declared.Attribute("Type"));
        Assert.Equal("false", (string?)declared.Attribute("Nullable"));
    }

    [Fact]
    public void The_engine_knows_exactly_the_schema_members_and_neither_enum_can_grow()
    {
        Assert.Equal(Members("complianceState"), EnumShards.ComplianceStates);
        Assert.Equal(Members("managementAgentType"), EnumShards.ManagementAgents);
        Assert.DoesNotContain("unknownFutureValue", Members("complianceState"));
        Assert.DoesNotContain("unknownFutureValue", Members("managementAgentType"));
    }

    [Fact]
    public void Every_pair_is_one_shard_and_each_device_falls_in_exactly_one()
    {
        var shards = EnumShards.ManagedDevices;
        Assert.Equal(7 * 13, shards.Count);
        Assert.Equal(shards.Count, shards.Select(s => s.Filter).Distinct().Count());
        Assert.Equal("complianceState eq 'unknown' and managementAgent eq 'eas'", shards[0].Filter);
        foreach (var state in EnumShards.ComplianceStates)
        {
            foreach (var agent in EnumShards.ManagementAgents)
            {
                var device = Device(state, agent);
                Assert.Single(shards, s => s.Admits(device));
            }
        }

        // Enum values compare without case; a value outside the schema, or a missing one, is in no shard.
        Assert.Single(shards, s => s.Admits(Device("Compliant", "MDM")));
        Assert.False(EnumShards.Covered(shards, Device("compliant", "someNewAgent")));
        Assert.False(EnumShards.Covered(shards, JsonDocument.Parse("""{"complianceState":"compliant"}""").RootElement));
        Assert.Equal("complianceState 'compliant', managementAgent 'someNewAgent'", shards[0].Shown(Device("compliant", "someNewAgent")));
    }

    [Fact]
    public void A_quote_in_a_value_is_doubled_in_the_filter()
    {
        var shard = new EqualityShard([new("deviceName", "O'Brien")]);
        Assert.Equal("deviceName eq 'O''Brien'", shard.Filter);
        Assert.Throws<ArgumentException>(() => new EqualityShard([]));
    }

    [Fact]
    public void The_first_page_orders_the_shards_largest_first_and_flags_a_device_no_shard_admits()
    {
        var tally = new ShardTally(EnumShards.ManagedDevices);
        foreach (var device in new[] { Device("noncompliant", "mdm"), Device("compliant", "mdm"), Device("compliant", "mdm") })
        {
            tally.Add(device);
        }

        Assert.Null(tally.Uncovered);
        var ordered = tally.Ordered();
        Assert.Equal(EnumShards.ManagedDevices.Count, ordered.Count);
        Assert.Equal("complianceState eq 'compliant' and managementAgent eq 'mdm'", ordered[0].Filter);
        Assert.Equal("complianceState eq 'noncompliant' and managementAgent eq 'mdm'", ordered[1].Filter);
        Assert.Equal(EnumShards.ManagedDevices[0].Filter, ordered[2].Filter); // the rest keep schema order

        tally.Add(Device("compliant", "someNewAgent"));
        Assert.Equal("complianceState 'compliant', managementAgent 'someNewAgent'", tally.Uncovered);
    }

    private static JsonElement Device(string state, string agent) =>
        JsonSerializer.SerializeToElement(new { id = "d1", complianceState = state, managementAgent = agent });
}
