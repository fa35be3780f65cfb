using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Remediation;

public sealed class RemediationChecklistTests
{
    private static CheckResult R(
        string id,
        CheckStatus status,
        string area = "Identity",
        FastTrackService service = FastTrackService.General) =>
        new()
        {
            CheckId = id,
            Title = id,
            Status = status,
            Area = area,
            Service = service,
            Phase = id.StartsWith("FT-INIT") ? FastTrackPhase.Initiate : FastTrackPhase.Assess,
            Reason = status == CheckStatus.NotAssessed ? NotAssessedReason.InputRequired : NotAssessedReason.None,
        };

    // Monday.
    private static readonly DateTime Start = new(2026, 11, 23);

    [Fact]
    public void Only_open_items_become_tasks()
    {
        var tasks = RemediationChecklist.Build(
            [
                R("FT-ASSESS-ID-01", CheckStatus.NotConfigured), R("FT-ASSESS-ADMIN-02", CheckStatus.Configured),
                R("FT-ASSESS-ID-05", CheckStatus.Info), R("FT-ASSESS-ID-03", CheckStatus.NotApplicable),
                R("FT-ASSESS-DNS-01", CheckStatus.NotAssessed), R("FT-ASSESS-ID-04", CheckStatus.Partial),
            ],
            Start);
        Assert.Equal(
            ["FT-ASSESS-ID-01", "FT-ASSESS-ID-04", "FT-ASSESS-DNS-01"],
            tasks.Select(t => t.CheckId).OrderBy(x => x == "FT-ASSESS-DNS-01").ThenBy(x => x).ToArray());
        Assert.Equal(RemediationPriority.High, tasks.Single(t => t.CheckId == "FT-ASSESS-ID-01").Priority);
    }

    [Fact]
    public void Prerequisites_are_scheduled_first_and_dependants_start_after_they_are_due()
    {
        var tasks = RemediationChecklist.Build(
            [
                R("FT-ASSESS-ID-02", CheckStatus.NotConfigured), R("FT-ASSESS-ID-01", CheckStatus.NotConfigured),
                R("FT-INIT-ELIG-01", CheckStatus.Partial, "Eligibility"), R("FT-ASSESS-DNS-01", CheckStatus.Partial, "DNS"),
                R("FT-ASSESS-ADMIN-04", CheckStatus.NotConfigured, "DNS"),
                R("FT-ENABLE-INTUNE-03", CheckStatus.NotConfigured, "Intune", FastTrackService.Intune),
            ],
            Start);
        var byId = tasks.ToDictionary(t => t.CheckId);
        var licenceErrors = byId["FT-ASSESS-ID-02"];
        Assert.Equal(["FT-ASSESS-ID-01", "FT-INIT-ELIG-01"], licenceErrors.DependsOn.OrderBy(x => x).ToArray());
        Assert.True(licenceErrors.StartDate > byId["FT-ASSESS-ID-01"].DueDate);
        Assert.True(licenceErrors.StartDate > byId["FT-INIT-ELIG-01"].DueDate);
        Assert.True(byId["FT-ASSESS-DNS-01"].StartDate > byId["FT-ASSESS-ADMIN-04"].DueDate, "DNS records after the domain is verified");
        var enrollment = byId["FT-ENABLE-INTUNE-03"];
        Assert.Contains("FT-ASSESS-DNS-01", enrollment.DependsOn);
        Assert.True(enrollment.StartDate > byId["FT-ASSESS-DNS-01"].DueDate, "enrollment after DNS");
        Assert.Equal(RemediationOwner.Intune, enrollment.Owner);
        Assert.True(tasks.Select(t => t.CheckId).ToList().IndexOf("FT-ASSESS-ID-01")
            < tasks.Select(t => t.CheckId).ToList().IndexOf("FT-ASSESS-ID-02"));
    }

    [Fact]
    public void Dates_are_working_days_from_the_start_date()
    {
        var tasks = RemediationChecklist.Build(
            [R("FT-INIT-ELIG-01", CheckStatus.Partial, "Eligibility")], new DateTime(2026, 11, 21)); // a Saturday
        var task = Assert.Single(tasks);
        Assert.Equal(new DateTime(2026, 11, 23), task.StartDate);  // Monday
        Assert.Equal(5, task.EffortDays);
        Assert.Equal(new DateTime(2026, 11, 27), task.DueDate);    // Friday
        Assert.All(tasks, t => Assert.NotEqual(DayOfWeek.Saturday, t.DueDate.DayOfWeek));
    }

    [Fact]
    public void One_owner_does_one_task_at_a_time()
    {
        var tasks = RemediationChecklist.Build(
            [R("FT-ASSESS-ID-01", CheckStatus.NotConfigured), R("FT-ASSESS-ID-03", CheckStatus.NotConfigured)], Start);
        var ordered = tasks.OrderBy(t => t.StartDate).ToList();
        Assert.True(ordered[1].StartDate > ordered[0].DueDate);
    }
}
