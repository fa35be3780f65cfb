using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Tenants;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>
/// A synthetic tenant with more registration-report rows than the default sample (two pages of
/// 999), served in pages of 999 as the dataset asks; the emulator's default for report paths is
/// 100, which would make "two pages" twenty requests.
/// </summary>
public sealed class LargeRegistrationTenant : EmulatedTenant
{
    public const string ReportPath = "v1.0/reports/authenticationMethods/userRegistrationDetails";
    public const int UserCount = 2500;

    /// <summary>The report's rows in the order the emulator serves them (a copy: the emulator owns the fixture).</summary>
    public JsonArray Rows { get; private set; } = new();

    protected override JsonObject Fixture()
    {
        var fixture = TenantCatalog.Synthetic(
            new SyntheticTenantOptions(Users: UserCount, Devices: 0, Groups: 16, ServicePrincipals: 12, Seed: 11), Now);
        fixture["pageCaps"] = new JsonObject { [ReportPath] = 999 };
        Rows = (JsonArray)fixture["resources"]![ReportPath]!.DeepClone();
        return fixture;
    }
}
