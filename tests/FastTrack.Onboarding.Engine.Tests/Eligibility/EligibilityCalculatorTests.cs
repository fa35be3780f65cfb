using System.Text.Json;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Eligibility;

/// <summary>The seat, trial, suspension and window rules over hand-made Graph JSON.</summary>
public sealed class EligibilityCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 30, 0, TimeSpan.Zero);
    private const string E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private const string Flow = "f30db892-07e9-47e9-837c-80727f46fd3d";

    private static string Sku(
        string skuId,
        string part,
        string status,
        int enabled,
        int suspended = 0,
        int warning = 0,
        string sub = "s1",
        string planStatus = "Success") =>
        $$"""{"skuId":"{{skuId}}","skuPartNumber":"{{part}}","appliesTo":"User","capabilityStatus":"{{status}}","prepaidUnits":"""
            + $$"""{"enabled":{{enabled}},"suspended":{{suspended}},"warning":{{warning}},"lockedOut":0},"subscriptionIds":"""
            + $$"""["{{sub}}"],"servicePlans":[{"servicePlanName":"EXCHANGE_S_ENTERPRISE","provisioningStatus":"{{planStatus}}"},"""
            + $$"""{"servicePlanName":"INTUNE_A","provisioningStatus":"Success"}]}""";

    private static string Sub(
        string id,
        string skuId,
        string part,
        DateTimeOffset created,
        bool trial = false,
        string status = "Enabled",
        int total = 100) =>
        $$"""{"id":"{{id}}","skuId":"{{skuId}}","skuPart"""
            + $$"""Number":"{{part}}","createdDateTime":"{{created.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","isTrial":"""
            + $$"""{{(trial ? "true" : "false")}},"status":"{{status}}","totalLicenses":{{total}}}""";

    private static FastTrackEligibility Compute(string skus, string subs, params FastTrackWorkload[] scope) =>
        EligibilityCalculator.Compute(Items(skus), Items(subs), Now, scope, EligiblePlanList.Current, "t", "T");

    private static IReadOnlyList<JsonElement> Items(string json) => JsonDocument.Parse(json).RootElement.Clone().EnumerateArray().ToList();

    [Theory]
    [InlineData(149, EligibilityStatus.BelowThreshold)]
    [InlineData(150, EligibilityStatus.Eligible)]
    public void The_threshold_is_150_enabled_seats(int seats, EligibilityStatus expected)
    {
        var e = Compute($"[{Sku(E3, "SPE_E3", "Enabled", seats)}]", $"[{Sub("s1", E3, "SPE_E3", Now.AddDays(-100), total: seats)}]");
        Assert.Equal(seats, e.EligibleSeats);
        Assert.Equal(expected, e.Status);
        Assert.Equal(seats >= 150, e.MeetsThreshold);
    }

    [Fact]
    public void Trial_seats_never_count_and_trials_do_not_start_the_window()
    {
        var e = Compute($"[{Sku(E3, "SPE_E3", "Enabled", 250)}]", $"[{Sub("s1", E3, "SPE_E3", Now.AddDays(-5), trial: true, total: 250)}]");
        Assert.Equal(0, e.EligibleSeats);
        Assert.Equal(EligibilityStatus.NoEligiblePlans, e.Status);
        Assert.Contains("trial", e.Plans[0].Note);
        Assert.Equal(ContactWindowState.None, e.Window);
    }

    [Fact]
    public void A_paid_and_a_trial_subscription_of_one_sku_count_only_the_paid_seats()
    {
        var sku = Sku(E3, "SPE_E3", "Enabled", 200).Replace("[\"s1\"]", "[\"s1\",\"s2\"]");
        var e = Compute(
            $"[{sku}]",
            $"[{Sub("s1", E3, "SPE_E3", Now.AddDays(-50), total: 150)},"
            + $"{Sub("s2", E3, "SPE_E3", Now.AddDays(-3), trial: true, total: 50)}]");
        Assert.Equal(150, e.EligibleSeats);
        Assert.Equal(Now.AddDays(-50).UtcDateTime.Date, e.LatestEligiblePurchase!.Value.UtcDateTime.Date);
    }

    [Fact]
    public void Suspended_subscriptions_count_nothing_and_say_why()
    {
        var e = Compute(
            $"[{Sku(E3, "SPE_E3", "Suspended", 0, suspended: 200)}]",
            $"[{Sub("s1", E3, "SPE_E3", Now.AddDays(-100), status: "Suspended", total: 200)}]");
        Assert.Equal(0, e.EligibleSeats);
        Assert.Equal(EligibilityStatus.NoEligiblePlans, e.Status);
        Assert.Contains("Suspended", e.Plans[0].Note);
        Assert.Equal(ContactWindowState.None, e.Window);
    }

    [Fact]
    public void Plans_off_the_list_do_not_count_however_many_units()
    {
        var e = Compute(
            $"[{Sku(Flow, "FLOW_FREE", "Enabled", 10000)}]", $"[{Sub("s1", Flow, "FLOW_FREE", Now.AddDays(-10), total: 10000)}]");
        Assert.Equal(0, e.EligibleSeats);
        Assert.False(e.Plans[0].InEligibilityList);
    }

    [Theory]
    [InlineData(10, ContactWindowState.Open, 20)]
    [InlineData(30, ContactWindowState.DueToday, 0)]
    [InlineData(45, ContactWindowState.Overdue, -15)]
    public void The_contact_window_is_30_calendar_days_from_the_latest_eligible_purchase(int age, ContactWindowState state, int daysLeft)
    {
        var e = Compute($"[{Sku(E3, "SPE_E3", "Enabled", 200)}]", $"[{Sub("s1", E3, "SPE_E3", Now.AddDays(-age), total: 200)}]");
        Assert.Equal(state, e.Window);
        Assert.Equal(daysLeft, e.DaysLeft);
        Assert.Equal(Now.AddDays(-age).AddDays(30), e.ContactDueDate);
    }

    [Fact]
    public void Services_report_eligibility_provisioning_and_scope()
    {
        var e = Compute(
            $"[{Sku(E3, "SPE_E3", "Enabled", 200, planStatus: "PendingProvisioning")}]",
            $"[{Sub("s1", E3, "SPE_E3", Now.AddDays(-10), total: 200)}]",
            FastTrackWorkload.Exchange,
            FastTrackWorkload.Intune);
        var exchange = e.Services.Single(s => s.Service == FastTrackWorkload.Exchange);
        Assert.True(exchange is { InScope: true, Eligible: true, Provisioned: false });
        Assert.True(e.Services.Single(s => s.Service == FastTrackWorkload.Intune) is { InScope: true, Eligible: true, Provisioned: true });
        Assert.True(e.Services.Single(s => s.Service == FastTrackWorkload.Teams) is { InScope: false, Eligible: false });
        Assert.Equal([FastTrackWorkload.Exchange, FastTrackWorkload.Intune], e.ServicesInScope);
    }

    [Fact]
    public void The_list_is_versioned_and_names_its_source()
    {
        var list = EligiblePlanList.Current;
        Assert.Matches(@"^\d{4}\.\d+\.\d+$", list.Version);
        Assert.Contains("learn.microsoft.com", list.Source);
        Assert.Equal(150, list.Threshold);
        foreach (var part in new[]
        {
            "STANDARDPACK", "ENTERPRISEPACK", "ENTERPRISEPREMIUM", "SPE_E3", "SPE_E5", "SPE_F1", "SPB", "EMS", "EMSPREMIUM", "AAD_PREMIUM",
            "AAD_PREMIUM_P2", "INTUNE_A",
        })
        {
            Assert.True(list.IsEligible(null, part, out _), part);
        }
    }

    [Fact]
    public void Plans_added_from_microsofts_list_count_and_its_ineligible_plans_do_not()
    {
        var list = EligiblePlanList.Current;
        // Matched on the SKU id alone (Graph's skuPartNumber is a display string that can change).
        Assert.True(list.IsEligible("80b2d799-d2ba-4d2a-8842-fb0d0f3a4b82", null, out var kiosk));
        Assert.Equal("Exchange Online Kiosk", kiosk);
        Assert.True(list.IsEligible("7cfd9a2b-e110-4c39-bf20-c6a3f36a3121", null, out var a3Students));
        Assert.Equal("Microsoft 365 A3 for students", a3Students);
        foreach (var part in new[]
        {
            "M365EDU_A3_FACULTY", "M365EDU_A5_FACULTY", "M365EDU_A5_STUDENT", "EOP_ENTERPRISE", "THREAT_INTELLIGENCE", "MCOMEETADV",
            "RIGHTSMANAGEMENT", "INTUNE_EDU",
        })
        {
            Assert.True(list.IsEligible(null, part, out _), part);
        }

        // The page's ineligible plans: archiving alone, student use benefits, no-cost A1.
        foreach (var part in new[] { "EXCHANGEARCHIVE_ADDON", "M365EDU_A3_STUUSEBNFT", "M365EDU_A5_STUUSEBNFT", "M365EDU_A1", "FLOW_FREE" })
        {
            Assert.False(list.IsEligible(null, part, out _), part);
        }

        // 150 seats of an education suite make the tenant eligible, and its SharePoint plan counts as SharePoint.
        const string A3Faculty = "4b590615-0888-425a-a965-b3bf7789848d";
        var e = Compute(
            $"[{Sku(A3Faculty, "M365EDU_A3_FACULTY", "Enabled", 150)}]",
            $"[{Sub("s1", A3Faculty, "M365EDU_A3_FACULTY", Now.AddDays(-100), total: 150)}]");
        Assert.Equal(150, e.EligibleSeats);
        Assert.Equal(EligibilityStatus.Eligible, e.Status);
        Assert.Equal(FastTrackWorkload.SharePoint, list.WorkloadOfPlan("SHAREPOINTENTERPRISE_EDU"));
    }
}
