using System.Text.Json;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Eligibility;

/// <summary>
/// Guards the shipped eligible-plan data file itself: every entry is a real SKU id (a GUID, once),
/// the ids read from Microsoft's licensing reference resolve, and the plans the page excludes stay out.
/// </summary>
public sealed class EligiblePlanListTests
{
    private const string ResourceName = "FastTrack.Onboarding.Engine.Eligibility.fasttrack-eligible-plans.json";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static JsonElement Document()
    {
        using var stream = typeof(EligiblePlanList).Assembly.GetManifestResourceStream(ResourceName)!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    private static IReadOnlyList<(string Part, string Id, string Name)> Plans() =>
        Document().GetProperty("plans").EnumerateArray()
            .Select(p => (
                p.GetProperty("skuPartNumber").GetString()!,
                p.GetProperty("skuId").GetString()!,
                p.GetProperty("productName").GetString()!))
            .ToList();

    [Fact]
    public void Every_plan_has_a_lower_case_guid_sku_id_a_part_number_and_a_product_name()
    {
        var plans = Plans();
        Assert.NotEmpty(plans);
        foreach (var (part, id, name) in plans)
        {
            Assert.True(Guid.TryParseExact(id, "D", out _), $"{part}: '{id}' is not a GUID");
            Assert.Equal(id.ToLowerInvariant(), id);
            Assert.False(string.IsNullOrWhiteSpace(part), id);
            Assert.Equal(part.Trim(), part);
            Assert.False(string.IsNullOrWhiteSpace(name), part);
        }
    }

    [Fact]
    public void Sku_ids_and_part_numbers_are_each_listed_once()
    {
        var plans = Plans();
        var duplicateIds = plans.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var duplicateParts = plans
            .GroupBy(p => p.Part, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.Empty(duplicateIds);
        Assert.Empty(duplicateParts);
    }

    [Fact]
    public void Every_entry_is_found_by_its_sku_id_alone_and_by_its_part_number_alone()
    {
        var list = EligiblePlanList.Current;
        foreach (var (part, id, name) in Plans())
        {
            Assert.True(list.IsEligible(id, null, out var byId), part);
            Assert.Equal(name, byId);
            Assert.True(list.IsEligible(null, part, out var byPart), part);
            Assert.Equal(name, byPart);
        }
    }

    [Fact]
    public void The_check_record_says_when_it_was_done_and_what_is_still_unmapped()
    {
        var root = Document();
        Assert.Equal(EligiblePlanList.Current.Version, root.GetProperty("version").GetString());
        var checkedSection = root.GetProperty("checked");
        Assert.True(DateTime.TryParseExact(
            checkedSection.GetProperty("on").GetString(), "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out _));
        Assert.All(
            checkedSection.GetProperty("listedButNotMapped").EnumerateArray(),
            item => Assert.False(string.IsNullOrWhiteSpace(item.GetString())));
        Assert.Contains("licensing-service-plan-reference", root.GetProperty("source").GetString());
    }

    // SKU ids read from Microsoft's licensing reference in the 2026.11.3 check. Matched on the id
    // alone: Graph's skuPartNumber for the same SKU is passed as something else to prove it.
    [Theory]
    [InlineData("dcf0408c-aaec-446c-afd4-43e3683943ea", "Microsoft 365 E3 (no Teams)")]
    [InlineData("3271cf8e-2be5-4a09-a549-70fd05baaa17", "Microsoft 365 E5 EEA (no Teams)")]
    [InlineData("cd2925a3-5076-4233-8931-638a8c94f773", "Microsoft 365 E5 without Audio Conferencing")]
    [InlineData("a3f586b6-8cce-4d9b-99d6-55238397f77a", "Microsoft 365 Business Premium EEA (no Teams)")]
    [InlineData("26124093-3d78-432b-b5dc-48bf992543d5", "Microsoft 365 E5 Security")]
    [InlineData("1392051d-0cb9-4b7a-88d5-621fee5e8711", "Office 365 E4")]
    [InlineData("d711d25a-a21c-492f-bd19-aae1e8ebaf30", "Office 365 E3 EEA (no Teams)")]
    [InlineData("e578b273-6db4-4691-bba0-8d691f4da603", "Office 365 A3 for faculty")]
    [InlineData("535a3a29-c5f0-42fe-8215-d3b9e1f38c4a", "Office 365 G3 GCC")]
    [InlineData("4ef96642-f096-40de-a3e9-d83fb2f90211", "Microsoft Defender for Office 365 (Plan 1)")]
    [InlineData("e43b5b99-8dfb-405f-9987-dc307f34bcbd", "Microsoft 365 Phone System")]
    [InlineData("0dab259f-bf13-4952-b7f8-7db8f131b28d", "Skype for Business PSTN Domestic Calling")]
    [InlineData("ed01faf2-1d88-4947-ae91-45ca18703a96", "OneDrive for Business (Plan 2)")]
    [InlineData("53818b1b-4a27-454b-8896-0dba576410e6", "Project Online Professional")]
    [InlineData("6a0f6da5-0b87-4190-a6ae-9bb5a2b9546a", "Windows 10 Enterprise E3")]
    public void Plans_added_in_2026_11_3_count_toward_the_150_seats(string skuId, string productName) =>
        AssertCountsTowardThe150Seats(skuId, productName);

    // SKU ids read in the 2026.11.4 check, which read the whole licensing reference
    // (MicrosoftDocs/entra-docs 067a0c7b, 2025-10-29): the same row gave both String ID and GUID.
    [Theory]
    [InlineData("ea4c5ec8-50e3-4193-89b9-50da5bd4cdc7", "Microsoft 365 Apps for enterprise (device)")]
    [InlineData("2d3091c7-0712-488b-b3d8-6b97bde6a1f5", "Microsoft 365 Audio Conferencing for GCC")]
    [InlineData("c2fe850d-fbbb-4858-b67d-bd0c6e746da3", "Microsoft 365 E3 EEA (no Teams)")]
    [InlineData("3f4babde-90ec-47c6-995d-d223749065d1", "Office 365 G1 GCC")]
    [InlineData("8900a2c0-edba-4079-bdf3-b276e293b6a8", "Office 365 G5 GCC")]
    [InlineData("1341559b-49df-443c-8e79-fa604fed2d82", "Office 365 GCC G5 without Audio Conferencing")]
    [InlineData("6070a4c8-34c6-4937-8dfb-39bbc6397a60", "Microsoft Teams Rooms Standard")]
    [InlineData("4cde982a-ede4-4409-9ae6-b003453c8ea6", "Microsoft Teams Rooms Pro")]
    [InlineData("31ecb341-2a17-483e-9140-c473006d1e1a", "Microsoft Teams Rooms Pro for GCC")]
    [InlineData("8efbe2f6-106e-442f-97d4-a59aa6037e06", "Windows 10/11 Enterprise A3 for faculty")]
    [InlineData("7b1a89a9-5eb9-4cf8-9467-20c943f1122c", "Windows 10/11 Enterprise A5 for faculty")]
    public void Plans_added_in_2026_11_4_count_toward_the_150_seats(string skuId, string productName) =>
        AssertCountsTowardThe150Seats(skuId, productName);

    // Paid variants of eligible plans added in 2026.11.5 (the rows 2026.11.4 had seen but not reviewed),
    // each String ID and GUID re-read in the same row of the licensing reference at 067a0c7b. Business
    // Premium (no Teams) is printed there as 'Microsoft_365_ Business_ Premium_(no Teams)', with spaces,
    // so for it the skuId is what Graph's answer will match.
    [Theory]
    [InlineData("b1f3042b-a390-4b56-ab61-b88e7e767a97", "Microsoft 365 Business Basic EEA (no Teams)")]
    [InlineData("00e1ec7b-e4a3-40d1-9441-b69b597ab222", "Microsoft 365 Business Premium (no Teams)")]
    [InlineData("c1f79c29-5d7a-4bec-a2c1-1a76774864c0", "Microsoft 365 Business Standard EEA (no Teams)")]
    [InlineData("50f60901-3181-4b75-8a2c-4c8e4c1d5a72", "Microsoft 365 F1")]
    [InlineData("f7ee79a7-7aec-4ca4-9fb9-34d6b930ad87", "Microsoft 365 F3 EEA (no Teams)")]
    [InlineData("f8ced641-8e17-4dc5-b014-f5a2d53f6ac8", "Office 365 E1 (no Teams)")]
    [InlineData("d1f0495b-cb7b-4e11-8b85-daee7e7e5664", "Office 365 F3 EEA (no Teams)")]
    [InlineData("8a180c2b-f4cf-4d44-897c-3d32acc4a60b", "Enterprise Mobility + Security G5 GCC")]
    [InlineData("938fd547-d794-42a4-996c-1cc206619580", "Windows 10/11 Enterprise E5 Commercial (GCC Compatible)")]
    public void Plans_added_in_2026_11_5_count_toward_the_150_seats(string skuId, string productName) =>
        AssertCountsTowardThe150Seats(skuId, productName);

    private static void AssertCountsTowardThe150Seats(string skuId, string productName)
    {
        var sku =
            $$"""[{"skuId":"{{skuId}}","skuPartNumber":"RENAMED_BY_GRAPH","appliesTo":"User","capabilityStatus":"Enabled","prepaidUnits":"""
            + $$"""{"enabled":150,"suspended":0,"warning":0,"lockedOut":0},"subscriptionIds":["s1"],"servicePlans":[]}]""";
        var sub =
            $$"""[{"id":"s1","skuId":"{{skuId}}","skuPartNumber":"RENAMED_BY_GRAPH","createdDateTime":"2026-06-01T00:00:00Z","isTrial":"""
            + $$"""false,"status":"Enabled","totalLicenses":150}]""";
        var e = EligibilityCalculator.Compute(Items(sku), Items(sub), Now, [], EligiblePlanList.Current, "t", "T");
        Assert.True(e.Plans[0].InEligibilityList);
        Assert.Equal(productName, e.Plans[0].ProductName);
        Assert.Equal(150, e.EligibleSeats);
        Assert.Equal(EligibilityStatus.Eligible, e.Status);
    }

    [Fact]
    public void A_suite_without_teams_is_eligible_for_exchange_but_not_for_teams()
    {
        const string E5NoTeams = "18a4bd3f-0b5b-4887-b04f-61dd0ee15f5e";
        var sku = $$"""[{"skuId":"{{E5NoTeams}}","skuPartNumber":"Microsoft_365_E5_(no_Teams)","applies"""
            + $$"""To":"User","capabilityStatus":"Enabled","prepaidUnits":{"enabled":200,"suspended":0,"warning":0,"lockedOut":0}"""
            + $$""","subscriptionIds":["s1"],"servicePlans":[{"servicePlanName":"EXCHANGE_S_ENTERPRISE","provisioningStatus":"Success"},"""
            + $$"""{"servicePlanName":"SHAREPOINTENTERPRISE","provisioningStatus":"Success"},"""
            + $$"""{"servicePlanName":"OFFICESUBSCRIPTION","provisioningStatus":"Success"}]}]""";
        var sub = $$"""[{"id":"s1","skuId":"{{E5NoTeams}}","skuPartNumber":"Microsoft"""
            + $$"""_365_E5_(no_Teams)","createdDateTime":"2026-06-01T00:00:00Z","isTrial":false,"status":"Enabled","totalLicenses":200}]""";
        var e = EligibilityCalculator.Compute(Items(sku), Items(sub), Now, [], EligiblePlanList.Current, "t", "T");
        Assert.Equal(200, e.EligibleSeats);
        Assert.True(e.Services.Single(s => s.Service == FastTrackWorkload.Exchange).Eligible);
        Assert.True(e.Services.Single(s => s.Service == FastTrackWorkload.SharePoint).Eligible);
        Assert.True(e.Services.Single(s => s.Service == FastTrackWorkload.Microsoft365Apps).Eligible);
        Assert.False(e.Services.Single(s => s.Service == FastTrackWorkload.Teams).Eligible);
    }

    [Theory]
    [InlineData("EXCHANGE_S_ENTERPRISE_GOV", FastTrackWorkload.Exchange)]
    [InlineData("SHAREPOINTENTERPRISE_GOV", FastTrackWorkload.SharePoint)]
    [InlineData("SHAREPOINTENTERPRISE_MIDMARKET", FastTrackWorkload.SharePoint)]
    [InlineData("TEAMS_GOV", FastTrackWorkload.Teams)]
    [InlineData("OFFICESUBSCRIPTION_GOV", FastTrackWorkload.Microsoft365Apps)]
    [InlineData("EXCHANGE_S_STANDARD_GOV", FastTrackWorkload.Exchange)]
    [InlineData("OFFICE_PROPLUS_DEVICE", FastTrackWorkload.Microsoft365Apps)]
    public void Service_plans_of_the_added_suites_map_to_their_workload(string servicePlan, FastTrackWorkload workload) =>
        Assert.Equal(workload, EligiblePlanList.Current.WorkloadOfPlan(servicePlan));

    // Read from the licensing reference and deliberately left off (see checked.deliberatelyNotAdded):
    // unattended licences, developer SKUs, GCC High/DoD (ITAR/Federal) and no-cost plans (A1,
    // student use benefits, Teams Rooms Basic).
    [Theory]
    [InlineData("c2ac2ee4-9bb1-47e4-8541-d689c7e83371", "SPE_E3_RPA1")]
    [InlineData("c42b9cae-ea4f-4ab7-9717-81576235ccac", "DEVELOPERPACK_E5")]
    [InlineData("ca9d1dd9-dfe9-4fef-b97c-9bc1ea3c3658", "SPE_E3_USGOV_GCCHIGH")]
    [InlineData("aea38a85-9bd5-4981-aa00-616b411205bf", "ENTERPRISEPACK_USGOV_GCCHIGH")]
    [InlineData("314c4481-f395-4525-be8b-2ec4bb1e9d91", "STANDARDWOFFPACK_STUDENT")]
    [InlineData("18250162-5d87-4436-a834-d795c15c80f3", "M365EDU_A3_STUUSEBNFT")]
    [InlineData("6af4b3d6-14bb-4a2a-960c-6c902aad34f3", "Microsoft_Teams_Rooms_Basic")]
    public void Skus_the_page_excludes_stay_off_the_list(string skuId, string part)
    {
        Assert.False(EligiblePlanList.Current.IsEligible(skuId, null, out _), part);
        Assert.False(EligiblePlanList.Current.IsEligible(null, part, out _), part);
    }

    private static IReadOnlyList<JsonElement> Items(string json) => JsonDocument.Parse(json).RootElement.Clone().EnumerateArray().ToList();
}
