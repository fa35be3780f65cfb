using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Model.History;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>
/// A real folder history of four weekly runs, recorded through HistoryRecorder, with a stored plan and
/// one corrupt document. The changes per run (and so the expected burn-down) are spelled out here:
///   run 1: 01 NC, 02 NC, 03 Partial, 04 NC, 05 Configured  -> open 4
///   run 2: 01 fixed                                       -> open 3
///   run 3: 02 fixed                                       -> open 2
///   run 4: 03 fixed, 05 regresses (NC); dataset intune failed -> open 2
/// The plan gives 04 a due date of 20 Nov, so at the 30 Nov review it is 10 days overdue and first
/// on the agenda, ahead of the regressed 05.
/// </summary>
public sealed class ReportHistorySample : IDisposable
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string CorruptName = "runs/" + TenantId + "/2026-11-20T00-00-00Z-corrupt.json";
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ReviewOn = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    public static readonly int[] ExpectedOpen = [4, 3, 2, 2];

    public ReportHistorySample()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ft-report-history-" + Guid.NewGuid().ToString("N")[..8]);
        Store = new LocalHistoryStore(Folder);
    }

    public string Folder { get; }
    public LocalHistoryStore Store { get; }
    public List<HistoryDocument> Recorded { get; } = new();

    public static IReadOnlyList<CheckStatus[]> Statuses { get; } =
    [
        [CheckStatus.NotConfigured, CheckStatus.NotConfigured, CheckStatus.Partial, CheckStatus.NotConfigured, CheckStatus.Configured],
        [CheckStatus.Configured, CheckStatus.NotConfigured, CheckStatus.Partial, CheckStatus.NotConfigured, CheckStatus.Configured],
        [CheckStatus.Configured, CheckStatus.Configured, CheckStatus.Partial, CheckStatus.NotConfigured, CheckStatus.Configured],
        [CheckStatus.Configured, CheckStatus.Configured, CheckStatus.Configured, CheckStatus.NotConfigured, CheckStatus.NotConfigured],
    ];

    public static string Id(int i) => $"FT-TEST-0{i + 1}";

    /// <summary>Records the first <paramref name="runs"/> runs, the plan and (optionally) the corrupt document.</summary>
    public async Task<ReportHistorySample> RecordAsync(int runs, bool corrupt = true, bool plan = true)
    {
        for (var n = 0; n < runs; n++)
        {
            var document = HistoryRecorder.Build(
                new AssessmentOutcome(Assessment(n), new TenantSnapshot { ModuleVersion = "1.4.2" }),
                new ConnectionInfo { TenantId = TenantId, Account = "admin@contoso.example", TokenType = "Delegated" },
                includeSnapshot: false);
            await HistoryRecorder.RecordAsync(Store, document, default);
            Recorded.Add(document);
        }

        if (corrupt)
        {
            await Store.CreateAsync(CorruptName, "{ \"format\": \"FastTrack.Onboarding.History\", \"run\": "u8.ToArray(), default);
        }

        if (plan)
        {
            await RemediationPlanStore.WriteAsync(Store, new RemediationPlan
            {
                TenantId = TenantId,
                StartOn = Start,
                Cadence = ReviewCadence.Weekly,
                TargetDate = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero),
                Owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["Identity"] = "Alice Admin",
                    ["Exchange"] = "Bob Exchange",
                },
                DueDates = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase)
                {
                    [Id(3)] = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
                },
            }, default);
        }

        return this;
    }

    public static AssessmentReport Assessment(int run)
    {
        var completed = Start.AddDays(7 * run).AddHours(10);
        return new AssessmentReport
        {
            TenantId = TenantId,
            TenantName = "Contoso History",
            InitialDomain = "contosohistory.onmicrosoft.com",
            StartedOn = completed.AddMinutes(-3),
            CompletedOn = completed,
            Phases = [FastTrackPhase.Remediate],
            Services = [FastTrackService.General],
            Results = Statuses[run].Select((s, i) => new CheckResult
            {
                CheckId = Id(i),
                Title = "Sample check " + (i + 1),
                Phase = FastTrackPhase.Remediate,
                Service = FastTrackService.General,
                Area = i < 3 ? "Identity" : "Exchange",
                Status = s,
                Evidence = "Read in run " + (run + 1),
            }).ToList(),
            Coverage = new AssessmentCoverage { Assessed = 5, Total = 5 },
            Datasets = run == 3
                ? [new DatasetStatus { Id = "users", Collected = true },
                    new DatasetStatus { Id = "intune.devices", Collected = false, Reason = NotAssessedReason.MissingPermission }]
                : [new DatasetStatus { Id = "users", Collected = true }],
        };
    }

    public async Task<ReportInput> InputAsync(AssessmentReport assessment)
    {
        var contents = await HistoryReader.ReadAsync(Store, TenantId, default);
        var plan = await RemediationPlanStore.ReadAsync(Store, TenantId, default);
        return new ReportInput
        {
            Assessment = assessment,
            History = ReportHistoryBuilder.Build(contents, assessment, plan, ReviewOn, Store.DisplayLocation),
            GeneratedOn = ReviewOn,
            GeneratorVersion = "1.4.2",
        };
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
