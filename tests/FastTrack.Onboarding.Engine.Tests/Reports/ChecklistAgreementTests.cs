using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>
/// The report's derived checklist (no -Checklist given) and Get-RemediationChecklist come from one planner:
/// same tasks, order, owners, efforts, dependencies and working-day calendar.
/// </summary>
public sealed class ChecklistAgreementTests
{
    private static CheckResult R(string id, CheckStatus status, FastTrackPhase phase) =>
        new()
        {
            CheckId = id,
            Title = id,
            Status = status,
            Phase = phase,
            Reason = status == CheckStatus.NotAssessed ? NotAssessedReason.InputRequired : NotAssessedReason.None,
        };

    // Completed on a Friday: a calendar that counts weekend days would disagree with the working-day plan.
    private static AssessmentReport Assessment() => new()
    {
        CompletedOn = new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.Zero),
        Results =
        [
            R("FT-ASSESS-ID-02", CheckStatus.NotConfigured, FastTrackPhase.Assess),
            R("FT-ASSESS-ID-01", CheckStatus.NotConfigured, FastTrackPhase.Assess),
            R("FT-INIT-ELIG-01", CheckStatus.Partial, FastTrackPhase.Initiate),
            R("FT-ASSESS-DNS-01", CheckStatus.NotAssessed, FastTrackPhase.Assess),
            R("FT-ASSESS-ADMIN-04", CheckStatus.NotConfigured, FastTrackPhase.Assess),
            R("FT-ENABLE-INTUNE-03", CheckStatus.NotConfigured, FastTrackPhase.Enable),
            R("FT-ASSESS-ADMIN-02", CheckStatus.Configured, FastTrackPhase.Assess),
        ],
    };

    [Fact]
    public void The_report_checklist_and_Get_RemediationChecklist_agree_task_for_task()
    {
        var assessment = Assessment();
        var derived = ChecklistDeriver.Derive(assessment);
        var planned = RemediationChecklist.Build(assessment.Results, assessment.CompletedOn.UtcDateTime.Date);

        Assert.Equal(planned.Count, derived.Count);
        Assert.Equal(6, derived.Count);
        foreach (var (plan, report) in planned.Zip(derived))
        {
            Assert.Equal(plan.Order, report.Order);
            Assert.Equal(plan.CheckId, report.CheckId);
            Assert.Equal(plan.Owner.ToString(), report.Owner);
            Assert.Equal(plan.Priority.ToString(), report.Priority);
            Assert.Equal(plan.EffortDays + "d", report.Effort);
            Assert.Equal(plan.DependsOn, report.DependsOn);
            Assert.Equal(plan.StartDate.Date, report.StartDate!.Value.UtcDateTime.Date);
            Assert.Equal(plan.DueDate.Date, report.DueDate!.Value.UtcDateTime.Date);
        }
    }

    [Fact]
    public void The_derived_plan_uses_working_days_and_each_checks_declared_dependencies()
    {
        var derived = ChecklistDeriver.Derive(Assessment());

        Assert.All(derived, t => Assert.NotEqual(DayOfWeek.Saturday, t.StartDate!.Value.DayOfWeek));
        Assert.All(derived, t => Assert.NotEqual(DayOfWeek.Sunday, t.DueDate!.Value.DayOfWeek));
        // FT-ASSESS-DNS-01 waits for its domain (FT-ASSESS-ADMIN-04), as its metadata declares.
        var dns = derived.Single(t => t.CheckId == "FT-ASSESS-DNS-01");
        var domain = derived.Single(t => t.CheckId == "FT-ASSESS-ADMIN-04");
        Assert.Equal(["FT-ASSESS-ADMIN-04"], dns.DependsOn);
        Assert.True(dns.StartDate > domain.DueDate, $"{dns.StartDate} should follow {domain.DueDate}");
        Assert.Equal("Assess: FT-ASSESS-DNS-01", dns.Title);
    }
}
