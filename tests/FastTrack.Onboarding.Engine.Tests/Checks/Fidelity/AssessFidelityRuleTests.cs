using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Dns;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Fidelity;

/// <summary>Assess checks over optional and per-item reads: a read that failed is said, never read as "none".</summary>
public sealed class AssessFidelityRuleTests
{
    private static CheckResult Run(string id, TenantSnapshot snapshot, AssessmentInputs? inputs = null) =>
        CheckEvaluator.Evaluate(
            CheckCatalog.All.Single(c => c.Id == id),
            new CheckContext(snapshot, snapshot.CollectedOn, inputs ?? AssessmentInputs.None));

    // Decision (FT-ASSESS-ID-02): every licence error, group-assigned or direct, is on the users'
    // licenseAssignmentStates, which were read; the group read only names groups to reprocess. So the
    // status stays Configured, but the evidence says the group read failed and why, and the figure is null.
    [Fact]
    public void Licence_errors_say_when_the_groups_with_licence_errors_were_not_read()
    {
        var snapshot = new SnapshotBuilder().Users(SnapshotBuilder.User("a@c.com"), SnapshotBuilder.User("b@c.com"))
            .Failed(DatasetIds.GroupsWithLicenseErrors, NotAssessedReason.MissingPermission, "GroupMember.Read.All").Build();
        var result = Run("FT-ASSESS-ID-02", snapshot);
        Assert.Equal(CheckStatus.Configured, result.Status);
        Assert.Contains("groups with licence errors", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("could not be read because the connection lacks GroupMember.Read.All", result.Evidence, StringComparison.Ordinal);
        Assert.Null(result.Figures["GroupsWithLicenseErrors"]);
        Assert.Equal("GroupMember.Read.All", result.MissingPermission);
    }

    [Fact]
    public void Licence_errors_with_the_group_read_keep_their_figure_and_no_caveat()
    {
        var snapshot = new SnapshotBuilder().Users(SnapshotBuilder.User("a@c.com")).With(DatasetIds.GroupsWithLicenseErrors, "[]").Build();
        var result = Run("FT-ASSESS-ID-02", snapshot);
        Assert.Equal(CheckStatus.Configured, result.Status);
        Assert.DoesNotContain("could not be read", result.Evidence, StringComparison.Ordinal);
        Assert.Empty((IEnumerable<string?>)result.Figures["GroupsWithLicenseErrors"]!);
        Assert.Null(result.MissingPermission);
    }

    [Fact]
    public void Service_dns_with_one_domain_s_records_unread_is_NotAssessed_not_all_published()
    {
        var snapshot = new SnapshotBuilder()
            .With(DatasetIds.Domains, """[{"id":"x.onmicrosoft.com","isVerified":true,"isInitial":true,"isDefault":false},"""
                + """{"id":"c.com","isVerified":true,"isInitial":false,"isDefault":true},"""
                + """{"id":"d.com","isVerified":true,"isInitial":false,"isDefault":false}]""")
            .WithPerItem(
                DatasetIds.DomainServiceRecords,
                "c.com",
                """[{"recordType":"Mx","label":"c.com","supportedService":"Email","mailExchange":"c-com.mail.protection.outlook.com"}]""")
            .Build();
        snapshot.Datasets[DatasetIds.DomainServiceRecords].PerItemFailures = new Dictionary<string, DatasetFailure>
        {
            ["d.com"] = new()
            {
                Reason = NotAssessedReason.MissingPermission,
                Permission = "Domain.Read.All",
                HttpStatus = 403,
                Message = "domains/{key}/serviceConfigurationRecords answered 403.",
            },
        };
        var dns = new DnsValidationSummary
        {
            Records =
            [
                new DnsRecordResult
                {
                    Domain = "c.com",
                    RecordType = "MX",
                    Name = "c.com",
                    SupportedService = "Email",
                    Status = DnsRecordStatus.Match,
                },
            ],
        };
        var result = Run("FT-ASSESS-DNS-01", snapshot, new AssessmentInputs { Dns = dns });
        Assert.True(result.Status == CheckStatus.NotAssessed, $"{result.Status}: {result.Evidence}");
        Assert.Equal(NotAssessedReason.MissingPermission, result.Reason);
        Assert.Contains("the records d.com needs could not be read", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_overview_names_the_real_reason_the_administrators_were_not_read()
    {
        var snapshot = new SnapshotBuilder()
            .With(DatasetIds.Organization, """[{"id":"o","displayName":"C"}]""")
            .With(DatasetIds.Domains, "[]")
            .With(DatasetIds.SubscribedSkus, "[]")
            .Failed(DatasetIds.CompanySubscriptions, NotAssessedReason.MissingPermission, "LicenseAssignment.Read.All")
            .Failed(DatasetIds.DirectoryRoleAssignments, NotAssessedReason.Throttled, "RoleManagement.Read.Directory").Build();
        var result = Run("FT-ASSESS-ADMIN-01", snapshot);
        Assert.Contains(
            "Global Administrators not read because Microsoft Graph kept throttling it", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("trial seats not excluded", result.Evidence, StringComparison.Ordinal);
    }
}
