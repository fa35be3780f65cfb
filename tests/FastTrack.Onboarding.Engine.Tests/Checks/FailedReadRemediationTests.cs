using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>A failed read gets one remediation text, whether the evaluator or a check itself reports it.</summary>
public sealed class FailedReadRemediationTests
{
    public static TheoryData<NotAssessedReason> Reasons() => new()
    {
        NotAssessedReason.MissingPermission, NotAssessedReason.LicenseRequired, NotAssessedReason.PreviewApiDisabled,
        NotAssessedReason.Throttled, NotAssessedReason.Error,
    };

    private static TenantSnapshot Failed(string datasetId, NotAssessedReason reason)
    {
        var snapshot = new TenantSnapshot { TenantId = "t", CollectedOn = DateTimeOffset.UnixEpoch };
        snapshot.Datasets[datasetId] = new DatasetData
        {
            Id = datasetId,
            State = DatasetState.Failed,
            Failure = new DatasetFailure
            {
                Reason = reason,
                Message = "refused",
                Permission = "Policy.Read.All",
                License = "Microsoft Entra ID P1",
            },
        };
        return snapshot;
    }

    [Theory]
    [MemberData(nameof(Reasons))]
    public void The_evaluator_and_a_checks_own_unread_verdict_give_the_same_text(NotAssessedReason reason)
    {
        var snapshot = Failed(DatasetIds.Organization, reason);
        var context = new CheckContext(snapshot, snapshot.CollectedOn, AssessmentInputs.None);
        var byEvaluator = CheckEvaluator.Evaluate(CheckCatalog.Find("FT-ASSESS-ADMIN-02")!, context);
        var byCheck = DatasetVerdicts.NotRead(context, DatasetIds.Organization);

        Assert.Equal(CheckStatus.NotAssessed, byEvaluator.Status);
        Assert.Equal(byEvaluator.Remediation, byCheck.Remediation);
        Assert.Equal(FailedReadRemediation.For(snapshot.Datasets[DatasetIds.Organization].Failure!), byCheck.Remediation);
    }

    [Fact]
    public void The_text_names_what_to_grant_or_buy_and_an_existing_cmdlet()
    {
        var failure = new DatasetFailure { Reason = NotAssessedReason.MissingPermission, Permission = "Policy.Read.All" };
        Assert.StartsWith("Grant Policy.Read.All (with admin consent)", FailedReadRemediation.For(failure));
        Assert.DoesNotContain("Get-FastTrackRequiredPermission", FailedReadRemediation.For(failure));
        Assert.Contains("Microsoft Entra ID P2",
            FailedReadRemediation.For(
                new DatasetFailure { Reason = NotAssessedReason.LicenseRequired, License = "Microsoft Entra ID P2" }));
    }
}
