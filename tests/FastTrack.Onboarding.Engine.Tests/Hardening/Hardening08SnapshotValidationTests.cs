using System.Text;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Model.Errors;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12 item 8: a snapshot with a wrongly typed header threw a raw InvalidOperationException; one that
/// declared a dataset Collected with no records was believed (FT-ASSESS-ID-01 came out NotApplicable).
/// </summary>
public sealed class Hardening08SnapshotValidationTests
{
    private static FastTrackException Refused(string json) =>
        Assert.Throws<FastTrackException>(() => SnapshotSamples.Read(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"Format":1,"SchemaVersion":"1"}""")]
    [InlineData("""{"Format":"FastTrack.Onboarding.Snapshot","SchemaVersion":"1"}""")]
    [InlineData("""{"Format":"FastTrack.Onboarding.Snapshot","SchemaVersion":1.5}""")]
    [InlineData("""{"Format":"FastTrack.Onboarding.Snapshot","SchemaVersion":0}""")]
    [InlineData("""{"Format":null,"SchemaVersion":1}""")]
    public void Hardening_08_AWronglyTypedHeaderIsSnapshotCorrupt(string json) =>
        Assert.Equal(SnapshotStore.SnapshotCorrupt, Refused(json).ErrorId);

    [Fact]
    public void Hardening_08_AWronglyTypedFieldIsSnapshotCorrupt()
    {
        var node = JsonNode.Parse(SnapshotSamples.Serialized())!;
        node["Datasets"]!["users"]!["State"] = "Sideways";
        Assert.Equal(SnapshotStore.SnapshotCorrupt, Refused(node.ToJsonString()).ErrorId);

        node = JsonNode.Parse(SnapshotSamples.Serialized())!;
        node["Users"] = "everyone";
        Assert.Equal(SnapshotStore.SnapshotCorrupt, Refused(node.ToJsonString()).ErrorId);
    }

    [Fact]
    public void Hardening_08_UsersDeclaredCollectedWithNoRecordsAreRefused()
    {
        var node = JsonNode.Parse(SnapshotSamples.Serialized())!;
        node.AsObject().Remove("Users");

        var error = Refused(node.ToJsonString());

        Assert.Equal(SnapshotStore.SnapshotIncomplete, error.ErrorId);
        Assert.Contains("'users'", error.Message);
    }

    [Fact]
    public void Hardening_08_ADeclaredCountThatDisagreesWithTheRecordsIsRefused()
    {
        var node = JsonNode.Parse(SnapshotSamples.Serialized())!;
        node["Datasets"]!["users"]!["ItemCount"] = 5000;

        var error = Refused(node.ToJsonString());

        Assert.Equal(SnapshotStore.SnapshotIncomplete, error.ErrorId);
        Assert.Contains("5000", error.Message);
    }

    [Fact]
    public void Hardening_08_ACollectionDeclaredCollectedWithoutItemsIsRefused()
    {
        var node = JsonNode.Parse(SnapshotSamples.Serialized())!;
        node["Datasets"]!["subscribedSkus"]!.AsObject().Remove("Value");
        Assert.Equal(SnapshotStore.SnapshotIncomplete, Refused(node.ToJsonString()).ErrorId);

        node = JsonNode.Parse(SnapshotSamples.Serialized())!;
        node["Datasets"]!["subscribedSkus"]!["Value"] = new JsonObject();
        Assert.Equal(SnapshotStore.SnapshotIncomplete, Refused(node.ToJsonString()).ErrorId);
    }

    [Fact]
    public void Hardening_08_TheIntactSampleLoadsAndEvaluates()
    {
        var snapshot = SnapshotSamples.Read(SnapshotSamples.Serialized());
        Assert.Equal(3, snapshot.Users!.Count);
        var outcome = AssessmentRunner.EvaluateOffline(snapshot, CheckSelection.All, AssessmentInputs.None);
        Assert.NotEmpty(outcome.Report.Results);
    }
}
