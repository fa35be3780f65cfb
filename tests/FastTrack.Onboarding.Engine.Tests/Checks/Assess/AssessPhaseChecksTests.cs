using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Assess;

/// <summary>Assess checks over hand-made snapshots: each rule's boundary.</summary>
public sealed class AssessPhaseChecksTests
{
    private static CheckResult Run(string id, TenantSnapshot snapshot, AssessmentInputs? inputs = null) =>
        CheckEvaluator.Evaluate(
            CheckCatalog.All.Single(c => c.Id == id),
            new CheckContext(snapshot, snapshot.CollectedOn, inputs ?? AssessmentInputs.None));

    private const string E3Sku =
        """[{"skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","skuPartNumber":"SPE_E3","capabilityStatus":"Enabled","prepaidUnits":"""
        + """{"enabled":200},"servicePlans":[{"servicePlanId":"efb87545-963c-4e0d-99df-69c6916d9eb0","servicePlanName":"EXCHANGE_S_"""
        + """ENTERPRISE","provisioningStatus":"Success"},"""
        + """{"servicePlanId":"c1ec4a95-1f05-45b3-a911-aa3fa01094f5","servicePlanName":"INTUNE_A","provisioningStatus":"Success"}]}]""";

    [Fact]
    public void Licensed_users_missing_a_usage_location_are_counted_and_named()
    {
        var snapshot = new SnapshotBuilder().Users(
            SnapshotBuilder.User("a@c.com"),
            SnapshotBuilder.User("b@c.com", usageLocation: null),
            SnapshotBuilder.User("c@c.com", usageLocation: null, licensed: false)).Build();
        var result = Run("FT-ASSESS-ID-01", snapshot);
        Assert.Equal(CheckStatus.NotConfigured, result.Status);
        Assert.Equal(1, result.Figures["MissingUsageLocation"]);
        Assert.Contains("b@c.com", result.Evidence);
        Assert.DoesNotContain("c@c.com", result.Evidence);
        Assert.Equal(
            CheckStatus.Configured,
            Run("FT-ASSESS-ID-01", new SnapshotBuilder().Users(SnapshotBuilder.User("a@c.com")).Build()).Status);
    }

    [Fact]
    public void Licence_errors_are_grouped_by_kind()
    {
        var snapshot = new SnapshotBuilder().Users(
            SnapshotBuilder.User("a@c.com", licenseErrors: "CountViolation"),
            SnapshotBuilder.User("b@c.com", licenseErrors: "CountViolation"),
            SnapshotBuilder.User("d@c.com", licenseErrors: "MutuallyExclusiveViolation"), SnapshotBuilder.User("e@c.com")).Build();
        var result = Run("FT-ASSESS-ID-02", snapshot);
        Assert.Equal(CheckStatus.NotConfigured, result.Status);
        Assert.Contains("CountViolation ×2", result.Evidence);
        Assert.Contains("MutuallyExclusiveViolation ×1", result.Evidence);
    }

    [Fact]
    public void Only_the_initial_domain_is_not_configured_and_dns_is_not_applicable()
    {
        var snapshot = new SnapshotBuilder()
            .With(DatasetIds.Domains, """[{"id":"x.onmicrosoft.com","isVerified":true,"isInitial":true,"isDefault":true}]""")
            .With(DatasetIds.DomainServiceRecords, "null").Build();
        Assert.Equal(CheckStatus.NotConfigured, Run("FT-ASSESS-ADMIN-04", snapshot).Status);
        Assert.Equal(CheckStatus.NotApplicable, Run("FT-ASSESS-DNS-01", snapshot).Status);
    }

    [Fact]
    public void A_verified_custom_domain_that_is_not_the_default_is_partial()
    {
        var snapshot = new SnapshotBuilder()
            .With(
                DatasetIds.Domains,
                """[{"id":"x.onmicrosoft.com","isVerified":true,"isInitial":true,"isDefault":true},"""
                + """{"id":"c.com","isVerified":true,"isInitial":false,"isDefault":false}]""")
            .Build();
        Assert.Equal(CheckStatus.Partial, Run("FT-ASSESS-ADMIN-04", snapshot).Status);
    }

    [Fact]
    public void Direct_licensing_only_is_not_configured_group_licensing_is()
    {
        var direct = new SnapshotBuilder()
            .Users(SnapshotBuilder.User("a@c.com"))
            .Groups(new GroupRecord { Id = "g", DisplayName = "Staff" })
            .Build();
        Assert.Equal(CheckStatus.NotConfigured, Run("FT-ASSESS-ID-06", direct).Status);
        var user = SnapshotBuilder.User("a@c.com");
        user.GroupAssignedLicenses = 1;
        var grouped = new SnapshotBuilder()
            .Users(user)
            .Groups(new GroupRecord { Id = "g", DisplayName = "LIC-E3", LicenseSkuIds = ["05e9a617-0261-4cee-bb44-138d3ef5d965"] })
            .Build();
        Assert.Equal(CheckStatus.Configured, Run("FT-ASSESS-ID-06", grouped).Status);
    }

    [Fact]
    public void Disabled_plans_count_only_for_services_in_scope()
    {
        var user = SnapshotBuilder.User("a@c.com");
        user.Licenses[0].DisabledPlans = new[] { "c1ec4a95-1f05-45b3-a911-aa3fa01094f5" }; // INTUNE_A switched off
        var snapshot = new SnapshotBuilder().With(DatasetIds.SubscribedSkus, E3Sku).Users(user, SnapshotBuilder.User("b@c.com")).Build();
        var all = Run("FT-ASSESS-SVC-02", snapshot);
        Assert.Equal(CheckStatus.Partial, all.Status);
        Assert.Contains("Intune ×1", all.Evidence);
        var exchangeOnly = new AssessmentInputs { Scope = new ServiceScope { Workloads = [FastTrackWorkload.Exchange] } };
        Assert.Equal(CheckStatus.Configured, Run("FT-ASSESS-SVC-02", snapshot, exchangeOnly).Status);
    }

    [Theory]
    [InlineData("Windows", "10.0.19045.5131", CheckStatus.Partial)]
    [InlineData("Windows", "10.0.22631.4460", CheckStatus.Configured)]
    [InlineData("iOS", "16.7.2", CheckStatus.Partial)]
    [InlineData("iOS", "17.0", CheckStatus.Configured)]
    [InlineData("Android", "9", CheckStatus.Partial)]
    [InlineData("Android", "14", CheckStatus.Configured)]
    public void Client_os_minimums(string os, string version, CheckStatus expected)
    {
        var snapshot = new SnapshotBuilder().Build();
        snapshot.Devices = [new DeviceRecord { Id = "d", DeviceName = "D1", OperatingSystem = os, OsVersion = version }];
        snapshot.Datasets[DatasetIds.ManagedDevices] = new DatasetData { Id = DatasetIds.ManagedDevices, State = DatasetState.Collected };
        Assert.Equal(expected, Run("FT-ASSESS-CLIENT-01", snapshot).Status);
    }

    [Fact]
    public void Network_item_is_no_graph_api_without_a_connectivity_result_and_judged_with_one()
    {
        var snapshot = new SnapshotBuilder().Build();
        var none = Run("FT-ASSESS-NET-01", snapshot);
        Assert.Equal(NotAssessedReason.NoGraphApi, none.Reason);
        var failing = new AssessmentInputs
        {
            Connectivity = new ConnectivityInput
            {
                Probes = 10,
                Failed = 2,
                Failures = ["outlook.office365.com:443 — timeout", "x:80 — refused"],
            },
        };
        Assert.Equal(CheckStatus.Partial, Run("FT-ASSESS-NET-01", snapshot, failing).Status);
        var passing = new AssessmentInputs { Connectivity = new ConnectivityInput { Probes = 10 } };
        Assert.Equal(CheckStatus.Configured, Run("FT-ASSESS-NET-01", snapshot, passing).Status);
    }

    [Fact]
    public void A_check_whose_data_was_not_read_names_the_permission_and_never_passes()
    {
        var snapshot = new SnapshotBuilder().Failed(DatasetIds.Domains, NotAssessedReason.MissingPermission, "Domain.Read.All").Build();
        var result = Run("FT-ASSESS-ADMIN-04", snapshot);
        Assert.Equal(CheckStatus.NotAssessed, result.Status);
        Assert.Equal("Domain.Read.All", result.MissingPermission);
    }

    [Fact]
    public void Every_guidance_item_of_initiate_and_assess_has_a_check()
    {
        var guidance = CheckCatalog.All
            .Where(c => c.Phase is FastTrackPhase.Initiate or FastTrackPhase.Assess)
            .Select(c => c.Guidance)
            .Distinct()
            .ToList();
        foreach (var line in new[]
        {
            "Contact you within 30 days of the purchase of eligible licenses for a new tenant.",
            "Work with you to begin onboarding.",
            "Define which eligible services you want to onboard.",
            "Provide an administrative overview.",
            "Provide guidance about DNS, network, and infrastructure needs.",
            "Provide guidance about client needs (Internet browser, client operating system, and services' needs).",
            "Provide guidance about user identity and provisioning.",
            "Provide guidance about enabling eligible services that have been purchased and defined to be part of the onboarding.",
        })
        {
            Assert.Contains(line, guidance);
        }
    }
}
