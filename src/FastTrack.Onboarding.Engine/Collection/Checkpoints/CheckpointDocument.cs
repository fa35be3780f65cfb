using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection.Checkpoints
{
    /// <summary>
    /// What a killed run leaves for -Resume (issue #14): per large collection, how it was split and how far each
    /// stream of pages got (the nextLink to ask for next and how much of its spool file was complete then). It holds
    /// no token: only the tenant id, the module version, times, request paths with their skip tokens, and file sizes.
    /// </summary>
    public sealed class CheckpointDocument
    {
        public const string FormatName = "FastTrack.Onboarding.Checkpoint";

        public string Format { get; set; } = FormatName;
        public string TenantId { get; set; } = string.Empty;
        public string ModuleVersion { get; set; } = string.Empty;
        public DateTimeOffset StartedOn { get; set; }
        public DateTimeOffset UpdatedOn { get; set; }

        /// <summary>The sub-folder holding this run's spool files (one per run, so a finished run's snapshot keeps its own).</summary>
        public string RunFolder { get; set; } = string.Empty;

        public Dictionary<string, DatasetCheckpoint> Datasets { get; set; } =
            new Dictionary<string, DatasetCheckpoint>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One large collection: segment 0 is its first page; then one segment per shard, or one for the rest of the stream.</summary>
    public sealed class DatasetCheckpoint
    {
        public long? ServerCount { get; set; }

        /// <summary>The shards (ranges or eq conditions); empty = read as one stream after the first page.</summary>
        public List<RangeCheckpoint> Ranges { get; set; } = new List<RangeCheckpoint>();

        public List<SegmentCheckpoint> Segments { get; set; } = new List<SegmentCheckpoint>();

        /// <summary>Set once every record is on disk: the dataset entry the run recorded (counts and notes).</summary>
        public DatasetData? Completed { get; set; }
    }

    /// <summary>
    /// One shard: a range (property, lower, upper, null-only) or, when <see cref="Conditions"/> is set, a conjunction of eq
    /// conditions (Intune devices). Checkpoints written before eq shards existed have no conditions and read as ranges.
    /// </summary>
    public sealed class RangeCheckpoint
    {
        public string? Property { get; set; }
        public string? Lower { get; set; }
        public string? Upper { get; set; }
        public bool NullOnly { get; set; }

        /// <summary>The eq conditions of an equality shard, in filter order; null for a range.</summary>
        public List<ConditionCheckpoint>? Conditions { get; set; }
    }

    /// <summary>"property eq 'value'" in an equality shard.</summary>
    public sealed class ConditionCheckpoint
    {
        public string Property { get; set; } = string.Empty;
        public string Value { get; set; } = string.Empty;
    }

    /// <summary>One stream of pages: its spool file, the bytes of it that were complete, and the nextLink after them.</summary>
    public sealed class SegmentCheckpoint
    {
        public string File { get; set; } = string.Empty;
        public long Length { get; set; }
        public int Records { get; set; }

        /// <summary>The page to ask for next; null once the stream reached its end.</summary>
        public string? Next { get; set; }
    }
}
