using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Tenants;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>The edge tenant with Office 365 E3 and Intune but no Entra ID P1/P2.</summary>
public sealed class NoPremiumTenant : EmulatedTenant
{
    protected override JsonObject Fixture() => TenantCatalog.Get("no-premium", Now);
}
