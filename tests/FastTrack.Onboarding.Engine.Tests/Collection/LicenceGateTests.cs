using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>Graph's licence errors (docs/graph-notes.md, 'Licence errors') become LicenseRequired naming the licence.</summary>
public sealed class LicenceGateTests : IClassFixture<NoPremiumTenant>
{
    private readonly NoPremiumTenant _tenant;

    public LicenceGateTests(NoPremiumTenant tenant) => _tenant = tenant;

    [Theory]
    [InlineData(DatasetIds.SignIns, "Microsoft Entra ID P1")]
    [InlineData(DatasetIds.UserRegistrationDetails, "Microsoft Entra ID P1")]
    [InlineData(DatasetIds.RoleEligibilitySchedules, "Microsoft Entra ID P2")]
    [InlineData(DatasetIds.RiskyUsers, "Microsoft Entra ID P2")]
    public async Task A_tenant_without_the_licence_gets_LicenseRequired_with_the_licence_named(string datasetId, string licence)
    {
        using var session = await _tenant.ConnectAsync();
        var dataset = DatasetCatalog.Get(datasetId);
        var snapshot = await GraphCollector.CollectAsync(
            session, new[] { dataset }, AssessmentHarness.FastOptions, NullEngineLog.Instance, null, CancellationToken.None);
        var failure = snapshot.Datasets[datasetId].Failure;
        Assert.NotNull(failure);
        Assert.Equal(NotAssessedReason.LicenseRequired, failure!.Reason);
        Assert.Equal(licence, failure.License);
    }
}
