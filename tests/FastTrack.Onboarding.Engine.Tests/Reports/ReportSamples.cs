using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>Hand-made report inputs: every status, hostile tenant strings, DNS rows and a connectivity run.</summary>
public static class ReportSamples
{
    public const string ScriptName = "<script>window.__xss=1</script>Sales <b>team</b>";
    public const string FormulaCell = "=HYPERLINK(\"http://evil.example/\",\"click\")";
    public static readonly DateTimeOffset Started = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public static AssessmentReport Assessment()
    {
        var results = new List<CheckResult>
        {
            Result("FT-INIT-ADMIN-01", FastTrackPhase.Initiate, FastTrackService.General, CheckStatus.Configured, "Global admins: 3."),
            Result("FT-INIT-ELIG-01", FastTrackPhase.Initiate, FastTrackService.General, CheckStatus.Info, "Eligible seats: 250."),
            Result(
                "FT-ASSESS-ID-01",
                FastTrackPhase.Assess,
                FastTrackService.General,
                CheckStatus.NotConfigured,
                $"Group {ScriptName} has licence errors; \"quoted\", comma, and\nnew line."),
            Result("FT-ASSESS-ID-02", FastTrackPhase.Assess, FastTrackService.General, CheckStatus.Partial, FormulaCell),
            Result(
                "FT-ASSESS-SVC-01",
                FastTrackPhase.Assess,
                FastTrackService.General,
                CheckStatus.NotAssessed,
                "-2+3 could not be read.") with
            {
                Reason = NotAssessedReason.MissingPermission, MissingPermission = "Organization.Read.All",
            },
            Result("FT-ENABLE-TENANT-01", FastTrackPhase.Enable, FastTrackService.Tenant, CheckStatus.NotApplicable, "No AD FS."),
            Result(
                "FT-ENABLE-INTUNE-01",
                FastTrackPhase.Enable,
                FastTrackService.Intune,
                CheckStatus.NotConfigured,
                "@SUM(A1:A9) MDM authority not set."),
            Result(
                "FT-ENABLE-AADP-01",
                FastTrackPhase.Enable,
                FastTrackService.AzureADPremium,
                CheckStatus.Configured,
                "Conditional Access: 4 policies."),
        };
        return new AssessmentReport
        {
            TenantId = "7e0a0001-0000-4000-8000-000000000001",
            TenantName = "Contoso <img src=x onerror=alert(1)> & Co",
            InitialDomain = "contoso.onmicrosoft.com",
            StartedOn = Started,
            CompletedOn = Started.AddSeconds(42),
            Phases = [FastTrackPhase.Initiate, FastTrackPhase.Assess, FastTrackPhase.Enable],
            Services = [FastTrackService.General, FastTrackService.Tenant, FastTrackService.AzureADPremium, FastTrackService.Intune],
            Results = results,
            Coverage = new AssessmentCoverage
            {
                Total = results.Count,
                Assessed = results.Count - 1,
                NotAssessed = 1,
                NotAssessedByReason = new Dictionary<string, int> { ["MissingPermission"] = 1 },
            },
            Datasets =
            [
                new DatasetStatus
                {
                    Id = "organization",
                    Request = "v1.0/organization",
                    Collected = false,
                    Reason = NotAssessedReason.MissingPermission,
                    MissingPermission = "Organization.Read.All",
                },
            ],
            GraphRequests = 17,
        };
    }

    public static IReadOnlyList<ReportDnsRecord> Dns() =>
    [
        new()
        {
            Domain = "contoso.com",
            RecordType = "MX",
            Label = "@",
            Expected = "contoso-com.mail.protection.outlook.com",
            Found = "contoso-com.mail.protection.outlook.com",
            Status = "Match",
            Service = "Email",
        },
        new()
        {
            Domain = "contoso.com",
            RecordType = "CNAME",
            Label = "autodiscover",
            Expected = "autodiscover.outlook.com",
            Found = null,
            Status = "Missing",
            Service = "Email",
        },
        new()
        {
            Domain = "contoso.com",
            RecordType = "TXT",
            Label = "@",
            Expected = "v=spf1 include:spf.protection.outlook.com -all",
            Found = "v=spf1 -all",
            Status = "Mismatch",
            Service = "Email",
        },
        new()
        {
            Domain = "contoso.com",
            RecordType = "SRV",
            Label = "_sip._tls",
            Expected = "sipdir.online.lync.com",
            Status = "Error",
            Detail = "SERVFAIL from 10.0.0.53",
        },
        new()
        {
            Domain = "<b>evil</b>.com",
            RecordType = "CNAME",
            Label = "enterpriseregistration",
            Expected = "enterpriseregistration.windows.net",
            Found = null,
            Status = "Optional",
            Service = "Intune",
        },
    ];

    public static ConnectivityReport Connectivity()
    {
        var results = new List<ConnectivityProbeResult>
        {
            new()
            {
                Host = "outlook.office365.com",
                Port = 443,
                ServiceArea = "Exchange",
                Category = EndpointCategory.Optimize,
                Required = true,
                Status = ConnectivityStatus.Reachable,
            },
            new()
            {
                Host = "login.microsoftonline.com",
                Port = 443,
                ServiceArea = "Common",
                Category = EndpointCategory.Allow,
                Required = true,
                Status = ConnectivityStatus.Reachable,
            },
            new()
            {
                Host = "manage.microsoft.com",
                Port = 443,
                ServiceArea = "Intune",
                Category = EndpointCategory.Allow,
                Required = true,
                Status = ConnectivityStatus.TlsIntercepted,
                FailedStage = ConnectivityProbeStage.Tls,
                Detail = "Issuer <Contoso Proxy CA>",
            },
        };
        return new ConnectivityReport
        {
            StartedUtc = Started.AddMinutes(5),
            Results = results,
            ProbeCount = 3,
            Summaries =
            [
                new()
                {
                    ServiceArea = "Exchange",
                    Category = EndpointCategory.Optimize,
                    Required = true,
                    Probes = 1,
                    Reachable = 1,
                    Verdict = ConnectivityVerdict.Passed,
                },
                new()
                {
                    ServiceArea = "Common",
                    Category = EndpointCategory.Allow,
                    Required = true,
                    Probes = 1,
                    Reachable = 1,
                    Verdict = ConnectivityVerdict.Passed,
                },
                new()
                {
                    ServiceArea = "Intune",
                    Category = EndpointCategory.Allow,
                    Required = true,
                    Probes = 1,
                    TlsIntercepted = 1,
                    Verdict = ConnectivityVerdict.Failed,
                },
            ],
        };
    }

    public static ReportInput Full() => new()
    {
        Assessment = Assessment(),
        Dns = Dns(),
        Connectivity = Connectivity(),
        GeneratedOn = Started.AddHours(1),
        GeneratorVersion = "0.1.0-test",
    };

    public static CheckResult Result(
        string id,
        FastTrackPhase phase,
        FastTrackService service,
        CheckStatus status,
        string evidence) => new()
        {
            CheckId = id,
            Title = "Title of " + id,
            Phase = phase,
            Service = service,
            Area = "Area",
            Status = status,
            Evidence = evidence,
            Remediation = status is CheckStatus.NotConfigured or CheckStatus.Partial ? "+Do this: " + id : string.Empty,
            LearnMoreUrl = "https://learn.microsoft.com/entra/" + id.ToLowerInvariant(),
            Figures = new Dictionary<string, object?>
            {
                ["Count"] = 3,
                ["Sample"] = new List<string> { "a@contoso.com", ScriptName },
                ["Map"] = new Dictionary<string, int> { ["x"] = 1 },
            },
            DataSources = ["v1.0/users"],
        };
}
