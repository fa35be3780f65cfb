using System.Text;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Model.Errors;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.History;

/// <summary>What every history store must do, run against the local folder and against Azurite alike.</summary>
internal static class HistoryStoreContract
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";

    public static HistoryDocument Run(DateTimeOffset completedOn, CheckStatus mfa = CheckStatus.NotConfigured, bool includeSnapshot = false)
    {
        var report = new AssessmentReport
        {
            TenantId = Tenant,
            TenantName = "Contoso",
            StartedOn = completedOn.AddSeconds(-42),
            CompletedOn = completedOn,
            Results = new[]
            {
                new CheckResult
                {
                    CheckId = "FT-ASSESS-ID-01",
                    Title = "MFA",
                    Phase = FastTrackPhase.Assess,
                    Area = "Identity",
                    Status = mfa,
                    Evidence = "3 of 10 users registered.",
                },
                new CheckResult
                {
                    CheckId = "FT-ASSESS-ID-02",
                    Title = "SSPR",
                    Phase = FastTrackPhase.Assess,
                    Area = "Identity",
                    Status = CheckStatus.Configured,
                    Evidence = "On.",
                },
            },
            Datasets = new[]
            {
                new DatasetStatus { Id = "users", Collected = true },
                new DatasetStatus { Id = "signIns", Collected = false, Reason = NotAssessedReason.MissingPermission },
            },
        };
        var snapshot = new TenantSnapshot { TenantId = Tenant, ModuleVersion = "9.8.7", GrantedPermissions = { "User.Read.All" } };
        var connection = new ConnectionInfo
        {
            TenantId = Tenant,
            TokenType = "Delegated",
            Account = "admin@contoso.example",
            Scopes = new[] { "Directory.Read.All", "User.Read.All" },
        };
        return HistoryRecorder.Build(new AssessmentOutcome(report, snapshot), connection, includeSnapshot);
    }

    public static async Task WriteReadListRoundTrips(IHistoryStore store)
    {
        var first = Run(DateTimeOffset.Parse("2026-11-02T09:00:00Z"), includeSnapshot: true);
        var second = Run(DateTimeOffset.Parse("2026-11-09T09:00:00Z"), CheckStatus.Configured);
        await HistoryRecorder.RecordAsync(store, second, default);
        await HistoryRecorder.RecordAsync(store, first, default);

        var names = await store.ListAsync(HistoryDocumentCodec.TenantPrefix(Tenant), default);
        Assert.Equal(new[] { first.Run.DocumentName, second.Run.DocumentName }, names);

        var contents = await HistoryReader.ReadAsync(store, Tenant, default);
        Assert.Empty(contents.Problems);
        Assert.Equal(new[] { first.Run.RunId, second.Run.RunId }, contents.Runs.Select(r => r.Run.RunId));
        var run = contents.Runs[0].Run;
        Assert.Equal("admin@contoso.example", run.RanBy);
        Assert.Equal("User", run.RanByKind);
        Assert.Equal("9.8.7", run.ModuleVersion);
        Assert.Equal(TimeSpan.FromSeconds(42), run.Duration);
        Assert.Equal(new[] { "Directory.Read.All", "User.Read.All" }, run.PermissionsGranted);
        Assert.Equal(new[] { "signIns" }, run.FailedDatasets);
        Assert.Equal(1, run.ChecksOpen);
        Assert.NotNull(contents.Runs[0].Snapshot);
        Assert.Null(contents.Runs[1].Snapshot);
        Assert.Equal(CheckStatus.Configured, contents.Runs[1].Report.Results[0].Status);
        Assert.Equal("3 of 10 users registered.", contents.Runs[0].Report.Results[0].Evidence);

        // Another tenant's runs are not this tenant's history.
        Assert.Empty((await HistoryReader.ReadAsync(store, "99999999-0000-0000-0000-000000000000", default)).Runs);
    }

    /// <summary>Many runs finishing in the same millisecond against a history that does not exist yet: every one kept.</summary>
    public static async Task ConcurrentRunsAreAllKept(Func<IHistoryStore> newWriter)
    {
        var sameInstant = DateTimeOffset.Parse("2026-11-16T09:00:00Z");
        var documents = Enumerable.Range(0, 8).Select(_ => Run(sameInstant)).ToList();
        var writers = Enumerable.Range(0, 2).Select(_ => newWriter()).ToList(); // two "processes", four runs each
        await Task.WhenAll(documents.Select((d, i) => Task.Run(() => HistoryRecorder.RecordAsync(writers[i % 2], d, default))));

        var contents = await HistoryReader.ReadAsync(writers[0], Tenant, default);
        Assert.Equal(
            documents.Select(d => d.Run.RunId).OrderBy(id => id, StringComparer.Ordinal),
            contents.Runs.Select(r => r.Run.RunId).OrderBy(id => id, StringComparer.Ordinal));
    }

    /// <summary>A create never replaces: the second write of one name fails with a stable id and the first content stays.</summary>
    public static async Task CreateNeverOverwrites(IHistoryStore store)
    {
        var document = Run(DateTimeOffset.Parse("2026-11-23T09:00:00Z"));
        await HistoryRecorder.RecordAsync(store, document, default);
        var error = await Assert.ThrowsAsync<FastTrackException>(() =>
            store.CreateAsync(document.Run.DocumentName, Encoding.UTF8.GetBytes("{}"), default));
        Assert.Equal(ErrorIds.HistoryDocumentExists, error.ErrorId);
        var kept = HistoryDocumentCodec.Parse((await store.ReadAsync(document.Run.DocumentName, default))!, "kept");
        Assert.Equal(document.Run.RunId, kept.Run.RunId);
    }

    /// <summary>Corrupt and foreign documents are reported with their own ids, skipped, and left exactly as they were.</summary>
    public static async Task BadDocumentsAreSkippedNotDeleted(IHistoryStore store)
    {
        var good = Run(DateTimeOffset.Parse("2026-11-30T09:00:00Z"));
        await HistoryRecorder.RecordAsync(store, good, default);
        var prefix = HistoryDocumentCodec.TenantPrefix(Tenant);
        var corrupt = Encoding.UTF8.GetBytes("{\"Format\":\"FastTrack.Onboarding.History\",\"SchemaVersion\":1,\"Run\":{\"RunId\":");
        var foreign = Encoding.UTF8.GetBytes("{\"hello\":\"world\"}");
        await store.CreateAsync(prefix + "20261130T100000000Z-corrupt.json", corrupt, default);
        await store.CreateAsync(prefix + "20261130T110000000Z-foreign.json", foreign, default);

        var contents = await HistoryReader.ReadAsync(store, Tenant, default);
        Assert.Equal(new[] { good.Run.RunId }, contents.Runs.Select(r => r.Run.RunId));
        Assert.Equal(
            new[]
            {
                (prefix + "20261130T100000000Z-corrupt.json", ErrorIds.HistoryDocumentCorrupt),
                (prefix + "20261130T110000000Z-foreign.json", ErrorIds.HistoryDocumentForeign),
            },
            contents.Problems.Select(p => (p.DocumentName, p.ErrorId)));
        Assert.Equal(corrupt, await store.ReadAsync(prefix + "20261130T100000000Z-corrupt.json", default));
        Assert.Equal(foreign, await store.ReadAsync(prefix + "20261130T110000000Z-foreign.json", default));
    }
}
