using FastTrack.Onboarding.Engine.Enable;
using FastTrack.Onboarding.Model.Enable;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

public sealed class MdmAuthorityAdvisorTests
{
    [Theory]
    [InlineData(MdmScenario.IntuneOnly, "unknown", "intune", false, true)]
    [InlineData(MdmScenario.IntuneOnly, "intune", "intune", true, false)]
    [InlineData(MdmScenario.IntuneWithOffice365Mdm, "office365", "intune", false, true)]
    [InlineData(MdmScenario.ConfigurationManager, "sccm", "intune", false, true)]
    [InlineData(MdmScenario.ConfigurationManager, "intune", "intune", true, false)]
    [InlineData(MdmScenario.MamOnly, "unknown", MdmAuthorityAdvisor.NoneRequired, true, false)]
    [InlineData(MdmScenario.MamOnly, "intune", MdmAuthorityAdvisor.NoneRequired, true, false)]
    public void Scenario_and_tenant_give_the_recommendation(
        MdmScenario scenario,
        string current,
        string recommended,
        bool matches,
        bool write)
    {
        var guidance = MdmAuthorityAdvisor.Advise(scenario, current, "t1");
        Assert.Equal(recommended, guidance.RecommendedAuthority);
        Assert.Equal(current, guidance.CurrentAuthority);
        Assert.Equal(matches, guidance.Matches);
        Assert.Equal(write, MdmAuthorityAdvisor.NeedsWrite(guidance));
        Assert.False(string.IsNullOrWhiteSpace(guidance.Reason));
    }

    [Fact]
    public void Configuration_Manager_explains_that_hybrid_MDM_is_retired()
    {
        var guidance = MdmAuthorityAdvisor.Advise(MdmScenario.ConfigurationManager, "sccm", "t1");
        Assert.Contains("retired", guidance.Reason, StringComparison.Ordinal);
        Assert.Contains("co-management", guidance.Reason, StringComparison.Ordinal);
        Assert.Contains(guidance.Notes, n => n.Contains("hybrid MDM", StringComparison.Ordinal));
    }

    [Fact]
    public void Mam_only_needs_no_authority()
    {
        var guidance = MdmAuthorityAdvisor.Advise(MdmScenario.MamOnly, null, "t1");
        Assert.Equal("unknown", guidance.CurrentAuthority);
        Assert.Contains("without any MDM authority", guidance.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_authority_is_read_as_unknown_and_the_action_says_the_write_is_delegated_only()
    {
        var guidance = MdmAuthorityAdvisor.Advise(MdmScenario.IntuneOnly, "", "t1");
        Assert.Equal("unknown", guidance.CurrentAuthority);
        Assert.Contains("not available app-only", guidance.Action, StringComparison.Ordinal);
    }
}
