using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Remediation;

public sealed class AssessmentComparerTests
{
    private static CheckResult R(string id, CheckStatus status) => new() { CheckId = id, Title = id, Status = status };

    [Fact]
    public void Each_kind_of_change_is_named()
    {
        var before = new[]
        {
            R("A", CheckStatus.NotConfigured), R("B", CheckStatus.Configured), R("C", CheckStatus.Partial),
            R("D", CheckStatus.NotConfigured), R("E", CheckStatus.NotAssessed), R("F", CheckStatus.Partial), R("G", CheckStatus.Configured),
        };
        var after = new[]
        {
            R("A", CheckStatus.Configured), R("B", CheckStatus.Partial), R("C", CheckStatus.Partial), R("D", CheckStatus.Partial),
            R("E", CheckStatus.Configured), R("F", CheckStatus.NotConfigured), R("H", CheckStatus.NotConfigured),
            R("I", CheckStatus.Configured),
        };
        var changes = AssessmentComparer.Compare(before, after).ToDictionary(c => c.CheckId, c => c.Change);
        Assert.Equal(ChangeKind.Resolved, changes["A"]);
        Assert.Equal(ChangeKind.Regressed, changes["B"]);
        Assert.Equal(ChangeKind.Unchanged, changes["C"]);
        Assert.Equal(ChangeKind.Improved, changes["D"]);
        Assert.Equal(ChangeKind.AssessmentChanged, changes["E"]);
        Assert.Equal(ChangeKind.Regressed, changes["F"]);
        Assert.Equal(ChangeKind.Removed, changes["G"]);
        Assert.Equal(ChangeKind.New, changes["H"]);
        Assert.False(changes.ContainsKey("I"), "a check first run later and already fine is no news");
    }
}
