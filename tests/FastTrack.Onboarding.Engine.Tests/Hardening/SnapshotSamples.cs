using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.TestSupport;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>A snapshot with every kind of dataset (large, collection, per item, failed), serialized as the module saves it.</summary>
public static class SnapshotSamples
{
    public static TenantSnapshot Build()
    {
        var snapshot = new SnapshotBuilder()
            .Users(
                SnapshotBuilder.User("a@contoso.com"),
                SnapshotBuilder.User("b@contoso.com", usageLocation: null),
                SnapshotBuilder.User("c@contoso.com", licenseErrors: "CountViolation"))
            .Groups(new GroupRecord { Id = "g1", DisplayName = "Sales" })
            .With("subscribedSkus", """[{"skuId":"s1","skuPartNumber":"SPE_E5","prepaidUnits":{"enabled":25},"consumedUnits":3}]""")
            .With("organization", """[{"id":"o1","displayName":"Contoso","verifiedDomains":[{"name":"contoso.com","isDefault":true}]}]""")
            .WithPerItem(
                "domainServiceRecords",
                "contoso.com",
                """[{"recordType":"Mx","label":"contoso.com","mailExchange":"contoso-com.mail.protection.outlook.com"}]""")
            .Failed("conditionalAccessPolicies", Model.Assessment.NotAssessedReason.MissingPermission, "Policy.Read.All")
            .Build();
        snapshot.GrantedPermissions = ["User.Read.All", "Organization.Read.All"];
        return snapshot;
    }

    public static byte[] Serialized(TenantSnapshot? snapshot = null) =>
        JsonSerializer.SerializeToUtf8Bytes(snapshot ?? Build(), SnapshotStore.Options);

    public static TenantSnapshot Read(byte[] bytes) => SnapshotStore.Read(new MemoryStream(bytes), "fuzz.json");
}
