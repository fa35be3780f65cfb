using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// One piece of tenant data a check may need: where it lives in Graph, which fields, what allows
    /// the read, which licence gates it and which throttling scope it draws on. Checks name datasets by
    /// <see cref="Id"/>; the planner unions them; the collector fetches each once.
    /// </summary>
    public sealed record DatasetDefinition
    {
        public string Id { get; init; } = string.Empty;
        public ApiVersion Version { get; init; } = ApiVersion.V1;

        /// <summary>Path under the version root (e.g. "identity/conditionalAccess/policies").
        /// For PerItem datasets, "{key}" is replaced by each parent item's key. A query string is
        /// allowed only on a Singleton without Select, Filter, Expand or AdvancedQuery (a function call
        /// such as a usage report that needs "?$format=application/json"): the collector sends such a
        /// path as it is, and adds its own "?" query to every other shape.</summary>
        public string Path { get; init; } = string.Empty;

        public IReadOnlyList<string> Select { get; init; } = Array.Empty<string>();
        public string? Filter { get; init; }
        public IReadOnlyList<string> Expand { get; init; } = Array.Empty<string>();
        public DatasetKind Kind { get; init; } = DatasetKind.Singleton;
        public GraphPermission Permission { get; init; } = GraphPermission.Same();

        /// <summary>The licence Graph requires for this read (names it in NotAssessed/LicenseRequired).</summary>
        public string? License { get; init; }

        public ThrottleArea Area { get; init; } = ThrottleArea.Directory;

        /// <summary>Largest page the resource serves ($top): 999 for directory objects, 1000 for Intune, else 100.</summary>
        public int PageSize { get; init; } = 100;

        /// <summary>False where Graph's schema marks $top unsupported (TopSupported = false on subscribedSku,
        /// companySubscription): Graph answers 400 to a $top there, so none is sent and the server pages.</summary>
        public bool TopSupported { get; init; } = true;

        /// <summary>Stop after this many items (a sample is all the check needs, e.g. recent sign-ins).</summary>
        public int? MaxItems { get; init; }

        /// <summary>The query needs ConsistencyLevel: eventual and $count=true (advanced directory query).</summary>
        public bool AdvancedQuery { get; init; }

        /// <summary>404 means "not configured" here (branding, APNs certificate), not a failure.</summary>
        public bool NotFoundMeansAbsent { get; init; }

        /// <summary>For PerItem: the dataset whose items drive the reads, and how to pick keys from it.</summary>
        public string? Parent { get; init; }
        public Func<System.Text.Json.JsonElement, string?>? ItemKey { get; init; }

        /// <summary>For LargeCollection: the property to shard on with ge/le ranges (exact partition), if any:
        /// only one whose resource documents ge/le under $filter (ShardProperties says which, and where).</summary>
        public string? ShardProperty { get; init; }

        /// <summary>For LargeCollection: the shard property may be empty, and its resource documents "eq on null
        /// values" for it (group and servicePrincipal displayName): items without one get a shard of their own,
        /// since no range returns them. A userPrincipalName is never empty.</summary>
        public bool ShardPropertyMayBeNull { get; init; }

        /// <summary>For LargeCollection: a fixed split by eq conditions (Intune devices by two closed enums, EnumShards),
        /// used instead of ranges where the service acts on eq filters only. Each item lies in exactly one shard.</summary>
        internal IReadOnlyList<EqualityShard>? EqualityShards { get; init; }

        /// <summary>For LargeCollection: how an item becomes a slim record and where the snapshot keeps the records.</summary>
        internal RecordShape? Records { get; init; }

        /// <summary>For LargeCollection: continuation pages of several shards may share one $batch.
        /// Directory objects allow it; Intune's nextLinks are fetched outside a batch (docs/graph-notes.md,
        /// 'Batching: Intune nextLinks').</summary>
        public bool BatchPages { get; init; }

        /// <summary>Where PowerShell's -Verbose and reports name the read.</summary>
        public string Describe() => $"GET /{Version.Segment()}/{Path}";

        public bool IsPreview => Version == ApiVersion.Beta;
    }
}
