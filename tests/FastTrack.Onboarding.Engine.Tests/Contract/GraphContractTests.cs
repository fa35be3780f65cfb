using System.Net;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Enable;
using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.GraphSchema;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Tenants;
using Xunit;
using Xunit.Abstractions;

namespace FastTrack.Onboarding.Engine.Tests.Contract;

/// <summary>
/// The module's contract with Microsoft Graph: every request it can send resolves against Microsoft's
/// v1.0 schema (tests/GraphSchema) with no problem, and every beta request says why it is beta.
/// </summary>
public sealed class GraphContractTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_catalog_request_resolves_against_the_v1_schema_and_every_beta_request_is_needed()
    {
        var requests = ModuleRequests.FromCatalog();
        var problems = new List<string>();
        var beta = new List<string>();
        foreach (var request in requests)
        {
            var result = RequestValidator.ValidateUrl(request.Method, request.Url, request.Headers);
            problems.AddRange(result.Problems.Select(p => $"{request} → {p}"));
            if (!result.SchemaChecked && !request.Source.EndsWith("(shard)", StringComparison.Ordinal))
            {
                var reason = BetaNeeds.Reason(request);
                if (reason is null)
                {
                    problems.Add($"{request} → v1.0 serves this request: use v1.0.");
                }
                else
                {
                    beta.Add($"{request.Dataset.Id} ({reason})");
                }
            }
        }

        output.WriteLine(
            $"Graph contract: {requests.Count} requests checked, {problems.Count} problems; "
            + $"beta: {beta.Count} ({string.Join("; ", beta)})");
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.Empty(problems);
        Assert.Equal(
            requests.Count(r => r.Version == ApiVersion.Beta && !r.Source.EndsWith("(shard)", StringComparison.Ordinal)),
            beta.Count);
    }

    [Theory]
    [InlineData(DatasetIds.SubscribedSkus, "subscribedSkus")]
    [InlineData(DatasetIds.CompanySubscriptions, "directory/subscriptions")]
    public void Reads_where_Graph_refuses_top_send_none_and_page_on_the_server(string id, string path)
    {
        var dataset = DatasetCatalog.Get(id);
        Assert.False(dataset.TopSupported);
        Assert.Equal(path, ODataUrl.Relative(dataset, dataset.Path));

        // The refusal the flag answers, from the schema: $top there is a 400.
        var withTop = RequestValidator.ValidateUrl("GET", $"/v1.0/{path}?$top=100");
        Assert.Contains(withTop.Problems, p => p.Kind == SchemaProblemKind.QueryOptionNotAllowed
            && p.Message.StartsWith("Query option 'Top' is not allowed.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_v1_sign_in_read_selects_only_v1_properties()
    {
        var signIns = DatasetCatalog.Get(DatasetIds.SignIns);
        Assert.DoesNotContain("authenticationRequirement", signIns.Select);
        var beta = RequestValidator.ValidateUrl("GET", "/v1.0/auditLogs/signIns?$select=id,authenticationRequirement&$top=100");
        Assert.Equal(
            "Could not find a property named 'authenticationRequirement' on type 'microsoft.graph.signIn'.",
            Assert.Single(beta.Problems).Message);
    }

    /// <summary>
    /// The reads built outside the catalog run for real against the emulator: the connect-time
    /// organization read, the MDM authority read and setMobileDeviceManagementAuthority action, and the
    /// usage-location PATCH with its read-back. The emulator refuses what the schema refuses, and its
    /// contract log is judged again here.
    /// </summary>
    [Fact]
    public async Task Calls_built_outside_the_catalog_pass_the_schema()
    {
        var log = Path.Combine(Path.GetTempPath(), $"ft-contract-{Guid.NewGuid():N}.log");
        var demo = TenantCatalog.Demo();
        demo["resources"]!["v1.0/organization"]![0]!["mobileDeviceManagementAuthority"] = "unknown";
        await using var server = await GraphEmulatorServer.StartAsync(new EmulatorOptions { Tenants = { demo }, ContractLogPath = log });
        try
        {
            using (var app = await EmulatedTenant.ConnectAsync(
                server, DemoTenant.TenantId, [.. EmulatedTenant.ReadRoles, "User.ReadWrite.All"]))
            {
                var targets = await UsageLocationRepair.FindTargetsAsync(
                    app, [], new CollectionOptions(), NullEngineLog.Instance, CancellationToken.None);
                var results = await UsageLocationRepair.ApplyAsync(
                    app, targets.Take(1).ToList(), "GB", TimeSpan.FromSeconds(30), NullEngineLog.Instance, CancellationToken.None);
                Assert.Single(results);
            }

            using (var delegated = await ConnectDelegatedAsync(server))
            {
                var mdm = await MdmAuthorityClient.ReadAsync(delegated, NullEngineLog.Instance, CancellationToken.None);
                await MdmAuthorityClient.SetIntuneAsync(
                    delegated, mdm.OrganizationId, mdm.Authority, NullEngineLog.Instance, CancellationToken.None);
            }

            var refused = server.GetRequestLog().Requests
                .Where(r => r.Status >= 400)
                .Select(r => $"{r.Method} {r.Path}?{r.Query} → {r.Status}")
                .ToList();
            Assert.Empty(refused);

            var judged = ContractLog.Judge(ContractLog.Read(log));
            var shapes = judged.Select(j => j.Entry.ToString()).ToList();
            output.WriteLine(
                $"Graph contract (outside the catalog): {judged.Count} request shapes checked, "
                + $"{judged.Sum(j => j.Result.Problems.Count)} problems");
            foreach (var shape in shapes)
            {
                output.WriteLine("  " + shape);
            }

            Assert.All(judged, j => Assert.True(j.Result.IsValid, $"{j.Entry}: {string.Join("; ", j.Result.Problems)}"));
            Assert.Contains("GET /v1.0/organization?$select", shapes);
            Assert.Contains("GET /v1.0/organization/{id}?$select", shapes);
            Assert.Contains("POST /v1.0/organization/{id}/setMobileDeviceManagementAuthority", shapes);
            Assert.Contains("PATCH /v1.0/users/{id}", shapes);
            Assert.Contains("GET /v1.0/users/{id}?$select", shapes);
        }
        finally
        {
            File.Delete(log);
        }
    }

    /// <summary>
    /// When build.ps1 runs the suites with FASTTRACK_CONTRACT_LOG set, every emulator appends the
    /// shapes it served; this judges them all (it runs again after the suites, see build.ps1).
    /// </summary>
    [Fact]
    public void Requests_the_test_suites_sent_to_the_emulator_pass_the_schema()
    {
        var file = Environment.GetEnvironmentVariable(SchemaGate.ContractLogVariable);
        if (string.IsNullOrEmpty(file))
        {
            output.WriteLine(
                $"{SchemaGate.ContractLogVariable} is not set: no suite log to judge (the emulator still refused every invalid request).");
            return;
        }

        var judged = ContractLog.Judge(ContractLog.Read(file));
        var bad = judged
            .Where(j => j.Result.Refusal is not null)
            .Select(j => $"{j.Entry}: {string.Join("; ", j.Result.Problems)}")
            .ToList();
        var beta = judged.Count(j => !j.Result.SchemaChecked);
        output.WriteLine(
            $"Graph contract (test suites): {judged.Count} request shapes served, {bad.Count} problems, {beta} beta (not schema-checked)");
        Assert.Empty(bad);
    }

    private static async Task<TenantSession> ConnectDelegatedAsync(GraphEmulatorServer server)
    {
        var token = server.MintToken(new TokenMintRequest
        {
            TenantId = DemoTenant.TenantId,
            UserPrincipalName = DemoTenant.AdminUpn,
            Scopes = ["Organization.Read.All", MdmAuthorityClient.WritePermission],
        });
        return await TenantConnector.ConnectAsync(new ConnectionRequest
        {
            Method = AuthenticationMethod.AccessToken,
            AccessToken = new NetworkCredential(string.Empty, token).SecurePassword,
            GraphEndpoint = server.HttpUrl,
        }, NullEngineLog.Instance, CancellationToken.None);
    }
}
