using System;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>How a collection pass behaves. Defaults suit a large tenant on a normal network.</summary>
    public sealed record CollectionOptions
    {
        /// <summary>Read beta-only data (marked preview in evidence). Off: those checks are NotAssessed/PreviewApiDisabled.</summary>
        public bool IncludePreview { get; init; } = true;

        /// <summary>
        /// Read every row of the per-user authentication-method registration report instead of the
        /// first two pages (1,997 rows). Costs about 2 s per 1,000 users: Graph allows 5 report
        /// requests per 10 s per app per tenant. Off, the SSPR and MFA checks estimate their shares
        /// from those first rows and say so in their evidence.
        /// </summary>
        public bool FullRegistrationReport { get; init; }

        /// <summary>One HTTP request may take this long before it counts as failed.</summary>
        public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

        /// <summary>The whole pass ends by then; what is unread is recorded as not assessed, never as "none".</summary>
        public TimeSpan RunDeadline { get; init; } = TimeSpan.FromMinutes(30);

        /// <summary>Requests in flight at once (a $batch counts once).</summary>
        public int MaxConcurrency { get; init; } = 12;

        /// <summary>
        /// Large collections are split so that no shard needs more pages than this (up to <see cref="MaxShards"/>). The shards'
        /// pages ride in one $batch a round, so more shards mean fewer rounds; each costs one partly filled last page.
        /// Measured at 100k users: 2 gives 78 round trips, 6 gave 82 (service principals in 3 shards instead of one stream).
        /// </summary>
        public int TargetPagesPerShard { get; init; } = 2;

        /// <summary>Upper bound on shards per large collection: one $batch carries a page of each (Graph allows 20).</summary>
        public int MaxShards { get; init; } = 20;

        /// <summary>
        /// Shards whose continuation pages are read directly (not in $batch: Intune devices) follow at most this many
        /// nextLink streams at once: 8 streams at 100 ms a request are 1,600 requests per 20 s, under Intune's device limit
        /// of 2,000 per 20 s per app and tenant (docs/graph-notes.md, 'Throttling scopes').
        /// </summary>
        public int MaxDirectShardStreams { get; init; } = 8;

        /// <summary>
        /// A folder where the run checkpoints its large collections page by page (issue #14); null = not resumable.
        /// </summary>
        public string? CheckpointFolder { get; init; }

        /// <summary>Take up the checkpoint in <see cref="CheckpointFolder"/> when it is valid, rather than start afresh.</summary>
        public bool Resume { get; init; }

        /// <summary>
        /// A store the checkpoint is copied to as it grows and fetched from on -Resume (a blob container for Azure Automation,
        /// whose sandbox disk is lost when a job is unloaded); null = the local folder only.
        /// </summary>
        public Checkpoints.ICheckpointStore? CheckpointStore { get; init; }

        /// <summary>
        /// How long a checkpoint's nextLinks are trusted. Graph publishes no lifetime for its skip tokens; an hour is this
        /// module's choice, and a refused checkpoint costs only a fresh start.
        /// </summary>
        public TimeSpan CheckpointLifetime { get; init; } = TimeSpan.FromHours(1);

        /// <summary>
        /// Tests only (internal): skip the client-side pacing of Graph's per-area limits, for runs
        /// against an emulator whose limits are switched off. Never exposed to PowerShell.
        /// </summary>
        internal bool PaceGraphAreaLimits { get; init; } = true;

        /// <summary>
        /// Tests only (internal): the time the snapshot is stamped with, which the checks judge ages against (last
        /// sync, certificate expiry). Runs minutes apart would otherwise word "394.9 h ago" and "395.0 h ago"
        /// differently; tests that compare two runs' evidence pin it.
        /// </summary>
        internal Func<DateTimeOffset> SnapshotClock { get; init; } = () => DateTimeOffset.UtcNow;

        /// <summary>Seed for retry jitter (reproducible tests).</summary>
        public int JitterSeed { get; init; } = Environment.TickCount;
    }
}
