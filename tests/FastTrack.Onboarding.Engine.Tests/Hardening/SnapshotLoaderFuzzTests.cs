using System.Text;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Model.Errors;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// The snapshot loader over random and mutated snapshots, in memory: every input ends as a validated
/// snapshot or a FastTrackException with a FastTrack.Snapshot* id, never a raw exception.
/// </summary>
public sealed class SnapshotLoaderFuzzTests
{
    private static readonly byte[] Seed = SnapshotSamples.Serialized();

    private static void LoadsOrRefusesCleanly(byte[] bytes)
    {
        try
        {
            var snapshot = SnapshotSamples.Read(bytes);
            if (snapshot is null || string.IsNullOrEmpty(snapshot.TenantId) || snapshot.Datasets.Count == 0)
                throw new InvalidOperationException("an invalid snapshot was accepted");
        }
        catch (FastTrackException e) when (e.ErrorId.StartsWith("FastTrack.Snapshot", StringComparison.Ordinal))
        {
        }
    }

    private static readonly Gen<JsonNode?> RandomValue = Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        ArbMap.Default.GeneratorFor<int>().Select(i => (JsonNode?)JsonValue.Create(i)),
        ArbMap.Default.GeneratorFor<long>().Select(i => (JsonNode?)JsonValue.Create(i * 1_000_000L)),
        Gen.Elements(-1.5, 1e300, 0.0).Select(d => (JsonNode?)JsonValue.Create(d)),
        ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Elements("", "Collected", "Failed", "users", "FastTrack.Onboarding.Snapshot", "2026-13-45", "not-a-guid", "\u0000\uD800")
            .Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Constant<JsonNode?>(new JsonArray()),
        Gen.Constant<JsonNode?>(new JsonArray(JsonValue.Create(1), null)),
        Gen.Constant<JsonNode?>(new JsonObject()));

    /// <summary>Field-level mutations of the real serialized snapshot: replace, remove, or type-swap one node.</summary>
    private static readonly Gen<byte[]> FieldMutation =
        from choice in Gen.Choose(0, int.MaxValue)
        from action in Gen.Choose(0, 2)
        from value in RandomValue
        select Mutate(choice, action, value);

    private static byte[] Mutate(int choice, int action, JsonNode? value)
    {
        var root = JsonNode.Parse(Seed)!;
        var nodes = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            if (n is null) return;
            nodes.Add(n);
            if (n is JsonObject o) foreach (var p in o.ToList()) Walk(p.Value);
            else if (n is JsonArray a) foreach (var i in a.ToList()) Walk(i);
        }

        Walk(root);
        var target = nodes[choice % nodes.Count];
        if (target.Parent is JsonObject parent)
        {
            var key = parent.First(p => ReferenceEquals(p.Value, target)).Key;
            if (action == 0) parent.Remove(key);
            else parent[key] = value?.DeepClone();
        }
        else if (target.Parent is JsonArray array)
        {
            var index = array.IndexOf(target);
            if (action == 0) array.RemoveAt(index);
            else array[index] = value?.DeepClone();
        }
        else
        {
            return Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null");
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>Byte-level damage: truncation, overwritten bytes, inserted bytes.</summary>
    private static readonly Gen<byte[]> ByteMutation =
        from kind in Gen.Choose(0, 2)
        from position in Gen.Choose(0, Seed.Length - 1)
        from bytes in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>()).Select(b => b.Length == 0 ? new byte[] { (byte)'"' } : b)
        select kind switch
        {
            0 => Seed.Take(position).ToArray(),
            1 => Seed.Take(position).Concat(bytes).Concat(Seed.Skip(position + bytes.Length)).ToArray(),
            _ => Seed.Take(position).Concat(bytes).Concat(Seed.Skip(position)).ToArray(),
        };

    [Property(MaxTest = 1000)]
    public Property Fuzz_SnapshotLoader_FieldMutationsLoadOrRefuseWithASnapshotError() =>
        Prop.ForAll(FieldMutation.ToArbitrary(), LoadsOrRefusesCleanly);

    [Property(MaxTest = 1000)]
    public Property Fuzz_SnapshotLoader_ByteMutationsLoadOrRefuseWithASnapshotError() =>
        Prop.ForAll(ByteMutation.ToArbitrary(), LoadsOrRefusesCleanly);

    [Property(MaxTest = 1000)]
    public Property Fuzz_SnapshotLoader_RandomInputLoadsOrRefusesWithASnapshotError() =>
        Prop.ForAll(Gen.OneOf(
                ArbMap.Default.GeneratorFor<byte[]>(),
                ArbMap.Default.GeneratorFor<string>().Select(s => Encoding.UTF8.GetBytes(s ?? string.Empty)),
                RandomValue.Select(v => Encoding.UTF8.GetBytes(
                    "{\"Format\":\"FastTrack.Onboarding.Snapshot\",\"SchemaVersion\":1,\"TenantId\":\"t\",\"Datasets\":{\"users\":"
                    + (v?.ToJsonString() ?? "null") + "}}")))
            .ToArbitrary(), LoadsOrRefusesCleanly);
}
