using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Tests.Checks.Enable;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Fidelity;

/// <summary>
/// Every optional read that Graph licence-gates: when it fails, the verdict still names the licence —
/// NotAssessed with it, or an answer judged on what was read that carries it — never a silent pass.
/// </summary>
public sealed class OptionalReadTests
{
    // Reads that only add a figure or a sentence when present and make no claim when absent.
    private static readonly HashSet<string> FigureOnly = new(StringComparer.Ordinal)
    {
        "FT-ENABLE-INTUNE-12:" + DatasetIds.AutopilotDevices,      // AutopilotDevices figure is null when not read
        "FT-ENABLE-INTUNE-07:" + DatasetIds.DeviceManagement,      // the secure-by-default sentence is left out when not read
    };

    public static TheoryData<string, string> OptionalWithLicence()
    {
        var data = new TheoryData<string, string>();
        foreach (var check in CheckCatalog.All.Where(c => c.Phase == FastTrackPhase.Enable))
        {
            foreach (var id in check.Optional.Where(o => DatasetCatalog.Get(o).License != null && !FigureOnly.Contains(check.Id + ":" + o)))
            {
                data.Add(check.Id, id);
            }
        }

        return data;
    }

    [Fact]
    public void The_licence_gated_optional_reads_are_the_known_ones()
    {
        var pairs = OptionalWithLicence().Select(row => $"{row[0]}:{row[1]}").OrderBy(x => x, StringComparer.Ordinal).ToList();
        Assert.Contains("FT-ENABLE-AADH-04:" + DatasetIds.UserRegistrationDetails, pairs);
        Assert.Contains("FT-ENABLE-TENANT-08:" + DatasetIds.SignIns, pairs);
        Assert.Contains("FT-ENABLE-AADP-10:" + DatasetIds.SignIns, pairs);
    }

    [Theory]
    [MemberData(nameof(OptionalWithLicence))]
    public void A_licence_gated_optional_read_that_failed_is_named_in_the_verdict(string checkId, string datasetId)
    {
        var licence = DatasetCatalog.Get(datasetId).License!;
        var tenant = EnableTenants.Healthy().Failed(datasetId, NotAssessedReason.LicenseRequired, license: licence);
        // The sign-in items read v1.0 or beta: a licence gate closes both.
        if (datasetId == DatasetIds.SignIns || datasetId == DatasetIds.SignInsBeta)
        {
            tenant
                .Failed(DatasetIds.SignIns, NotAssessedReason.LicenseRequired, license: licence)
                .Failed(DatasetIds.SignInsBeta, NotAssessedReason.LicenseRequired, license: licence);
        }

        var result = tenant.Evaluate(checkId);
        Assert.True(result.MissingLicense == licence || result.Evidence.Contains(licence, StringComparison.Ordinal),
            $"{checkId} with {datasetId} licence-gated: {result.Status}/{result.Reason}, "
            + $"licence '{result.MissingLicense}': {result.Evidence}");
    }
}
