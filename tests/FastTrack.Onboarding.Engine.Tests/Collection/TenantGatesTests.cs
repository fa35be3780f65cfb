using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// Gates live per process and are keyed as Graph counts: endpoint, tenant and app (Conditional Access per
/// tenant across all apps). A reconnect meets the same gate; another tenant or app never shares one.
/// </summary>
public sealed class TenantGatesTests : IClassFixture<EmulatedTenant>
{
    private static readonly Uri Graph = new("https://graph.microsoft.com/");

    private readonly EmulatedTenant _tenant;

    public TenantGatesTests(EmulatedTenant tenant) => _tenant = tenant;

    private static string NewId() => Guid.NewGuid().ToString();

    [Fact]
    public void The_same_endpoint_tenant_and_app_meet_the_same_gate_whatever_the_case_of_the_ids()
    {
        var (tenant, app) = (NewId(), NewId());
        var gate = TenantGates.For(Graph, tenant, app, ThrottleArea.IdentityReports);
        Assert.Same(gate, TenantGates.For(new Uri("https://GRAPH.microsoft.com/v1.0/"), tenant.ToUpperInvariant(), app.ToUpperInvariant(),
            ThrottleArea.IdentityReports));
    }

    [Theory]
    [InlineData(ThrottleArea.IdentityReports)]
    [InlineData(ThrottleArea.ConditionalAccess)]
    [InlineData(ThrottleArea.Intune)]
    public void Another_tenant_or_another_endpoint_never_shares_a_gate(ThrottleArea area)
    {
        var (tenant, app) = (NewId(), NewId());
        var gate = TenantGates.For(Graph, tenant, app, area);
        Assert.NotSame(gate, TenantGates.For(Graph, NewId(), app, area));
        Assert.NotSame(gate, TenantGates.For(new Uri("https://graph.microsoft.us/"), tenant, app, area));
        Assert.NotSame(gate, TenantGates.For(new Uri("http://127.0.0.1:5001/"), tenant, app, area));
    }

    [Fact]
    public void Another_app_has_its_own_identity_report_and_intune_gates_but_shares_conditional_access()
    {
        var (tenant, app, other) = (NewId(), NewId(), NewId());
        RateGate Gate(string client, ThrottleArea area) => TenantGates.For(Graph, tenant, client, area);
        Assert.NotSame(Gate(app, ThrottleArea.IdentityReports), Gate(other, ThrottleArea.IdentityReports));
        Assert.NotSame(Gate(app, ThrottleArea.Intune), Gate(other, ThrottleArea.Intune));
        // Graph: 1 request/s per tenant across ALL apps.
        Assert.Same(Gate(app, ThrottleArea.ConditionalAccess), Gate(other, ThrottleArea.ConditionalAccess));
    }

    [Fact]
    public void Each_area_has_its_own_gate()
    {
        var (tenant, app) = (NewId(), NewId());
        Assert.NotSame(TenantGates.For(Graph, tenant, app, ThrottleArea.IdentityReports),
            TenantGates.For(Graph, tenant, app, ThrottleArea.ConditionalAccess));
    }

    [Fact]
    public async Task A_reconnect_to_the_same_tenant_meets_the_gates_of_the_first_connection()
    {
        using var first = await _tenant.ConnectAsync();
        using var second = await _tenant.ConnectAsync();
        Assert.NotSame(first, second);
        Assert.Equal(first.Info.ClientId, second.Info.ClientId);
        Assert.False(string.IsNullOrEmpty(first.Info.ClientId));
        Assert.Same(TenantGates.For(first, ThrottleArea.IdentityReports), TenantGates.For(second, ThrottleArea.IdentityReports));
        Assert.Same(TenantGates.For(first, ThrottleArea.ConditionalAccess), TenantGates.For(second, ThrottleArea.ConditionalAccess));
    }
}
