using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// One collection pass over a tenant: every planned dataset fetched once.
    /// Small reads go in $batch (one version per batch), the large collections are paged in parallel
    /// shards into slim records, Conditional Access and report reads are paced to Graph's per-tenant
    /// limits, per-item reads (each domain's DNS records) follow their parents. Every failure is
    /// recorded with its reason; nothing unread is ever mistaken for "none".
    /// </summary>
    public static class GraphCollector
    {
        public static async Task<TenantSnapshot> CollectAsync(TenantSession session, IReadOnlyCollection<DatasetDefinition> datasets, CollectionOptions options,
            IEngineLog log, IProgress<CollectionProgress>? progress, CancellationToken cancellationToken)
        {
            using var deadline = new CancellationTokenSource(options.RunDeadline);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var http = new GraphHttp(session.RawHttp, session.GraphRoot, options.RequestTimeout, options.MaxConcurrency, log);
            var run = new CollectionRun(http, new BatchExecutor(http, log, options.JitterSeed), options, log, progress, session.Info.TokenType == "Delegated", datasets.Count, session.Gates, cancellationToken);

            var snapshot = new TenantSnapshot
            {
                ModuleVersion = typeof(GraphCollector).Assembly.GetName().Version?.ToString() ?? "0.0.0",
                TenantId = session.Info.TenantId,
                TenantName = session.Info.TenantName,
                InitialDomain = session.Info.InitialDomain,
                Environment = session.Info.Environment.ToString(),
                CollectedOn = DateTimeOffset.UtcNow,
                TokenType = session.Info.TokenType,
                GrantedPermissions = session.Info.GrantedPermissions.ToList(),
                IncludePreview = options.IncludePreview,
            };

            log.Verbose($"Collecting {datasets.Count} datasets from {session.Info.TenantName ?? session.Info.TenantId}.");
            await run.ExecuteAsync(datasets, snapshot, linked.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();

            foreach (var data in run.Results.Values)
            {
                snapshot.Datasets[data.Id] = data;
            }

            snapshot.GraphRequests = http.Requests;
            log.Verbose($"Collection done: {http.Requests} Graph requests, {run.Results.Values.Count(d => d.State == DatasetState.Failed)} of {datasets.Count} datasets not read.");
            return snapshot;
        }

        /// <summary>The state of one pass. Private to the collector; one per call.</summary>
        private sealed class CollectionRun
        {
            private readonly GraphHttp _http;
            private readonly BatchExecutor _batch;
            private readonly CollectionOptions _options;
            private readonly IEngineLog _log;
            private readonly IProgress<CollectionProgress>? _progress;
            private readonly bool _delegated;
            private readonly int _total;
            private readonly ConcurrentDictionary<string, TaskCompletionSource<DatasetData>> _completions = new ConcurrentDictionary<string, TaskCompletionSource<DatasetData>>(StringComparer.OrdinalIgnoreCase);
            // Graph's per-area limits are per tenant, so the gates live with the session: back-to-back
            // runs on one connection share them.
            private readonly ConcurrentDictionary<ThrottleArea, RateGate> _gates;
            // Ctrl+C ends the pass with an exception; the run deadline only ends reads, which are then
            // recorded as failed. Catch filters therefore test the user's token, not the linked one.
            private readonly CancellationToken _userCancellation;
            private long _items;
            private int _done;

            public CollectionRun(GraphHttp http, BatchExecutor batch, CollectionOptions options, IEngineLog log, IProgress<CollectionProgress>? progress, bool delegated, int total, ConcurrentDictionary<ThrottleArea, RateGate> gates, CancellationToken userCancellation)
            {
                _userCancellation = userCancellation;
                _gates = gates;
                _http = http;
                _batch = batch;
                _options = options;
                _log = log;
                _progress = progress;
                _delegated = delegated;
                _total = total;
            }

            public ConcurrentDictionary<string, DatasetData> Results { get; } = new ConcurrentDictionary<string, DatasetData>(StringComparer.OrdinalIgnoreCase);

            public async Task ExecuteAsync(IReadOnlyCollection<DatasetDefinition> datasets, TenantSnapshot snapshot, CancellationToken cancellationToken)
            {
                foreach (var dataset in datasets)
                {
                    _completions[dataset.Id] = new TaskCompletionSource<DatasetData>(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                // A read that is cancelled is never recorded; per-item reads waiting on it must not wait forever.
                using var release = cancellationToken.Register(() =>
                {
                    foreach (var completion in _completions.Values)
                    {
                        completion.TrySetCanceled();
                    }
                });

                var pending = new List<DatasetDefinition>();
                foreach (var dataset in datasets)
                {
                    if (dataset.IsPreview && !_options.IncludePreview)
                    {
                        Fail(dataset, FailureClassifier.PreviewDisabled(dataset));
                    }
                    else if ((_delegated ? dataset.Permission.Delegated : dataset.Permission.Application).Count == 0)
                    {
                        Fail(dataset, FailureClassifier.Unsupported(dataset, _delegated));
                    }
                    else
                    {
                        pending.Add(dataset);
                    }
                }

                var large = pending.Where(d => d.Kind == DatasetKind.LargeCollection).ToList();
                var paced = pending.Where(d => IsPaced(d) && d.Kind != DatasetKind.LargeCollection && d.Kind != DatasetKind.PerItem).ToList();
                var batched = pending.Where(d => !IsPaced(d) && (d.Kind == DatasetKind.Singleton || d.Kind == DatasetKind.Collection || d.Kind == DatasetKind.Count)).ToList();
                var perItem = pending.Where(d => d.Kind == DatasetKind.PerItem).ToList();

                var tasks = new List<Task>();
                var batchTasks = new Dictionary<ApiVersion, Task<IReadOnlyList<StepOutcome>>>();
                foreach (var version in new[] { ApiVersion.V1, ApiVersion.Beta })
                {
                    var steps = batched.Where(d => d.Version == version).Select(d => new BatchStep(d.Id, RelativeUrl(d, d.Path, firstPageOnly: true), HeadersFor(d))).ToList();
                    // The first page of each large collection rides in the first batch of its version: a small
                    // tenant is read in that one round trip, and a large one is sized ($count) and sampled
                    // (shard boundaries) by it before its shards start.
                    steps.AddRange(large.Where(d => d.Version == version).Select(d => new BatchStep(FirstPageStepId(d), RelativeUrl(d, d.Path, firstPageOnly: false), HeadersFor(d))));

                    if (steps.Count > 0)
                    {
                        batchTasks[version] = _batch.ExecuteAsync(version, steps, cancellationToken);
                        tasks.Add(CompleteBatchedAsync(batched.Where(d => d.Version == version).ToList(), batchTasks[version], cancellationToken));
                    }
                }

                foreach (var dataset in large)
                {
                    tasks.Add(CollectLargeAsync(dataset, batchTasks[dataset.Version], snapshot, cancellationToken));
                }

                foreach (var group in paced.GroupBy(d => d.Area))
                {
                    tasks.Add(CollectPacedAsync(group.ToList(), cancellationToken));
                }

                foreach (var dataset in perItem)
                {
                    tasks.Add(CollectPerItemAsync(dataset, cancellationToken));
                }

                try
                {
                    await Task.WhenAll(tasks).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!_userCancellation.IsCancellationRequested)
                {
                    // Individual failures were recorded where they happened.
                }

                // Whatever is still open when the deadline strikes is recorded, never silently dropped.
                foreach (var dataset in datasets.Where(d => !Results.ContainsKey(d.Id)))
                {
                    Fail(dataset, FailureClassifier.Classify(new OperationCanceledException(), dataset, _delegated));
                }
            }

            private static bool IsPaced(DatasetDefinition dataset) =>
                dataset.Area == ThrottleArea.ConditionalAccess || dataset.Area == ThrottleArea.IdentityReports;

            private async Task CompleteBatchedAsync(IReadOnlyList<DatasetDefinition> datasets, Task<IReadOnlyList<StepOutcome>> batch, CancellationToken cancellationToken)
            {
                IReadOnlyList<StepOutcome> outcomes;
                try
                {
                    outcomes = await batch.ConfigureAwait(false);
                }
                catch (Exception e) when (!_userCancellation.IsCancellationRequested)
                {
                    foreach (var dataset in datasets)
                    {
                        Fail(dataset, FailureClassifier.Classify(e, dataset, _delegated));
                    }

                    return;
                }

                var byId = outcomes.ToDictionary(o => o.Step.Id, StringComparer.OrdinalIgnoreCase);
                await Task.WhenAll(datasets.Select(d => CompleteFromOutcomeAsync(d, byId[d.Id], cancellationToken))).ConfigureAwait(false);
            }

            private async Task CompleteFromOutcomeAsync(DatasetDefinition dataset, StepOutcome outcome, CancellationToken cancellationToken)
            {
                try
                {
                    if (!outcome.Succeeded)
                    {
                        if (outcome.Status == 404 && dataset.NotFoundMeansAbsent)
                        {
                            Succeed(dataset, new DatasetData { Absent = true, ItemCount = 0 });
                            return;
                        }

                        throw outcome.Error ?? new GraphReadException(outcome.Status, null, $"HTTP {outcome.Status}");
                    }

                    Succeed(dataset, await MaterializeAsync(dataset, outcome.Body, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (!_userCancellation.IsCancellationRequested)
                {
                    Fail(dataset, FailureClassifier.Classify(e, dataset, _delegated));
                }
            }

            /// <summary>Turns a first response into the dataset: the entity, the count, or all pages of a collection.</summary>
            private async Task<DatasetData> MaterializeAsync(DatasetDefinition dataset, JsonElement? body, CancellationToken cancellationToken)
            {
                switch (dataset.Kind)
                {
                    case DatasetKind.Count:
                    case DatasetKind.Singleton:
                        return new DatasetData { Value = body, ItemCount = body is null ? 0 : 1 };

                    default:
                        return await ReadItemsAsync(dataset, null, body, null, cancellationToken).ConfigureAwait(false);
                }
            }

            /// <summary>
            /// All pages of a configuration collection (or its first MaxItems), kept as Graph sent them.
            /// Starts at <paramref name="url"/> or continues from an already fetched <paramref name="firstPage"/>.
            /// </summary>
            private async Task<DatasetData> ReadItemsAsync(DatasetDefinition dataset, Uri? url, JsonElement? firstPage, Func<CancellationToken, Task>? pace, CancellationToken cancellationToken)
            {
                var items = new List<JsonElement>();
                var outcome = await PagedReader.ReadAsync(_http, url, firstPage, HeadersFor(dataset), item => items.Add(item.Clone()), dataset.MaxItems, cancellationToken, pace).ConfigureAwait(false);
                Interlocked.Add(ref _items, items.Count);
                var data = new DatasetData { Value = ToArray(items), ItemCount = items.Count, ServerCount = outcome.ServerCount, Truncated = outcome.Truncated };
                if (outcome.Truncated)
                {
                    data.Notes.Add($"A sample of the first {items.Count} items was read (all the check needs).");
                }

                return data;
            }

            private async Task CollectPacedAsync(IReadOnlyList<DatasetDefinition> datasets, CancellationToken cancellationToken)
            {
                var gate = _options.PaceGraphAreaLimits ? _gates.GetOrAdd(datasets[0].Area, RateGate.For) : RateGate.For(ThrottleArea.Directory);
                foreach (var dataset in datasets)
                {
                    try
                    {
                        var url = _http.Url(dataset.Version, RelativeUrl(dataset, dataset.Path, firstPageOnly: true));
                        DatasetData data;
                        if (dataset.Kind == DatasetKind.Singleton)
                        {
                            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                            data = new DatasetData { Value = await _http.GetJsonAsync(url, HeadersFor(dataset), d => d.RootElement.Clone(), cancellationToken).ConfigureAwait(false), ItemCount = 1 };
                        }
                        else
                        {
                            // Each page is paced on its own: these areas count requests, not datasets.
                            data = await ReadItemsAsync(dataset, url, null, gate.WaitAsync, cancellationToken).ConfigureAwait(false);
                        }

                        Succeed(dataset, data);
                    }
                    catch (GraphReadException e) when (e.Status == 404 && dataset.NotFoundMeansAbsent)
                    {
                        Succeed(dataset, new DatasetData { Absent = true, ItemCount = 0 });
                    }
                    catch (Exception e) when (!_userCancellation.IsCancellationRequested)
                    {
                        Fail(dataset, FailureClassifier.Classify(e, dataset, _delegated));
                    }
                }
            }

            private async Task CollectPerItemAsync(DatasetDefinition dataset, CancellationToken cancellationToken)
            {
                var parentDefinition = DatasetCatalog.Get(dataset.Parent!);
                DatasetData parent;
                if (_completions.TryGetValue(parentDefinition.Id, out var parentCompletion))
                {
                    parent = await parentCompletion.Task.ConfigureAwait(false);
                }
                else
                {
                    Fail(dataset, new DatasetFailure { Reason = Model.Assessment.NotAssessedReason.Error, Message = $"{dataset.Id} needs {parentDefinition.Id}, which was not planned." });
                    return;
                }

                if (parent.State == DatasetState.Failed)
                {
                    Fail(dataset, parent.Failure!);
                    return;
                }

                try
                {
                    var keys = ParentItems(parent).Select(item => dataset.ItemKey!(item)).Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    var steps = keys.Select((key, index) => new BatchStep("item" + index, RelativeUrl(dataset, dataset.Path.Replace("{key}", Uri.EscapeDataString(key!)), firstPageOnly: false), HeadersFor(dataset))).ToList();
                    var outcomes = steps.Count == 0 ? (IReadOnlyList<StepOutcome>)Array.Empty<StepOutcome>() : await _batch.ExecuteAsync(dataset.Version, steps, cancellationToken).ConfigureAwait(false);

                    var data = new DatasetData { PerItem = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase), PerItemFailures = new Dictionary<string, DatasetFailure>(StringComparer.OrdinalIgnoreCase) };
                    for (var i = 0; i < keys.Count; i++)
                    {
                        var outcome = outcomes[i];
                        if (outcome.Succeeded && outcome.Body is JsonElement body)
                        {
                            data.PerItem[keys[i]!] = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("value", out var value) ? value.Clone() : body;
                        }
                        else if (outcome.Status == 404 && dataset.NotFoundMeansAbsent)
                        {
                            data.Absent = true;
                        }
                        else
                        {
                            data.PerItemFailures[keys[i]!] = FailureClassifier.Classify(outcome.Error ?? new GraphReadException(outcome.Status, null, $"HTTP {outcome.Status}"), dataset, _delegated);
                        }
                    }

                    data.ItemCount = data.PerItem.Count;
                    if (keys.Count > 0 && data.PerItemFailures.Count == keys.Count)
                    {
                        // Nothing could be read: the dataset failed as a whole, with the first reason.
                        Fail(dataset, data.PerItemFailures.Values.First());
                        return;
                    }

                    Succeed(dataset, data);
                }
                catch (Exception e) when (!_userCancellation.IsCancellationRequested)
                {
                    Fail(dataset, FailureClassifier.Classify(e, dataset, _delegated));
                }
            }

            private static IEnumerable<JsonElement> ParentItems(DatasetData parent)
            {
                if (parent.Value is JsonElement value)
                {
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        return value.EnumerateArray().ToList();
                    }

                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        return new[] { value };
                    }
                }

                return Array.Empty<JsonElement>();
            }

            private static string FirstPageStepId(DatasetDefinition dataset) => "first:" + dataset.Id;

            private async Task CollectLargeAsync(DatasetDefinition dataset, Task<IReadOnlyList<StepOutcome>> firstBatch, TenantSnapshot snapshot, CancellationToken cancellationToken)
            {
                try
                {
                    // The batch retried this step on its own if it was throttled; what is left is the answer.
                    var first = (await firstBatch.ConfigureAwait(false)).First(o => o.Step.Id == FirstPageStepId(dataset));
                    if (!first.Succeeded || !(first.Body is JsonElement firstBody))
                    {
                        throw first.Error ?? new GraphReadException(first.Status, null, $"HTTP {first.Status}");
                    }

                    var (firstRecords, addRecord) = RecordSink(dataset);
                    var sample = new List<string>();
                    var firstOutcome = new PagedReader.Outcome();
                    var next = PagedReader.Consume(firstBody, firstOutcome, item =>
                    {
                        addRecord(item);
                        if (dataset.ShardProperty != null && item.TryGetProperty(dataset.ShardProperty, out var value) && value.ValueKind == JsonValueKind.String)
                        {
                            sample.Add(value.GetString()!);
                        }
                    }, null);
                    var count = firstOutcome.ServerCount;

                    ShardedRead collected;
                    var shards = next is null ? 1 : ShardCount(dataset, count);
                    if (shards <= 1)
                    {
                        // One stream: carry on from the first page rather than read it again.
                        collected = await ContinueAsync(dataset, next, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        // The shards read the first page's items again (their ranges cover everything);
                        // one page is the price of boundaries that split the real names evenly.
                        collected = await ShardsFor(dataset).ReadAsync(ShardPlanner.Ranges(dataset.ShardProperty, shards, sample, ShardProperties.MayBeNull(dataset.Id)), count, cancellationToken).ConfigureAwait(false);
                        if (collected.Abandoned)
                        {
                            // The first unfiltered page is kept; the rest of its stream follows. Nothing the shards read is used.
                            var why = collected.FilterRejected ? "Graph refused range filters on " + dataset.ShardProperty : "Range filter on " + dataset.ShardProperty + " ignored by the server";
                            _log.Verbose($"{why} for {dataset.Id}; reading it as one stream.");
                            collected = await ContinueAsync(dataset, next, cancellationToken).ConfigureAwait(false);
                            collected.Notes.Add(why + "; read as one stream.");
                        }
                    }

                    collected.Shards.Insert(0, firstRecords);
                    var data = Store(dataset, collected, snapshot);
                    // The unfiltered first page's @odata.count is the total; the shards' own counts overlap at their boundaries.
                    var shardCounts = collected.ShardCounts;
                    data.ServerCount = count ?? (shards > 1 && collected.Shards.Count > 1 && shardCounts.Count > 0 && shardCounts.All(c => c.HasValue) ? shardCounts.Sum(c => c!.Value) : (long?)null);
                    if (count is long expected && data.ItemCount != expected)
                    {
                        data.Notes.Add($"Read {data.ItemCount} items but $count says {expected} (directory counts are eventually consistent; a large gap means items were missed).");
                    }

                    data.Notes.AddRange(collected.Notes);
                    Succeed(dataset, data);
                }
                catch (Exception e) when (!_userCancellation.IsCancellationRequested)
                {
                    Fail(dataset, FailureClassifier.Classify(e, dataset, _delegated));
                }
            }

            /// <summary>The rest of one unsharded stream, from the first page's nextLink.</summary>
            private async Task<ShardedRead> ContinueAsync(DatasetDefinition dataset, string? next, CancellationToken cancellationToken)
            {
                var result = new ShardedRead();
                if (next is null)
                {
                    return result;
                }

                var (records, addRecord) = RecordSink(dataset);
                await PagedReader.ReadAsync(_http, new Uri(next), null, HeadersFor(dataset), addRecord, null, cancellationToken).ConfigureAwait(false);
                result.Shards.Add(records);
                return result;
            }

            /// <summary>A list of slim records and the callback that parses one Graph item into it (one string pool per list).</summary>
            private (List<object> Records, Action<JsonElement> Add) RecordSink(DatasetDefinition dataset)
            {
                var parse = Parser(dataset, new SlimRecordReader());
                var records = new List<object>();
                return (records, item =>
                {
                    records.Add(parse(item));
                    Interlocked.Increment(ref _items);
                });
            }

            private int ShardCount(DatasetDefinition dataset, long? count)
            {
                if (dataset.ShardProperty is null)
                {
                    return 1;
                }

                if (count is long known)
                {
                    var pages = (known + dataset.PageSize - 1) / dataset.PageSize;
                    return (int)Math.Max(1, Math.Min(_options.MaxShards, (pages + _options.TargetPagesPerShard - 1) / _options.TargetPagesPerShard));
                }

                // No $count (Intune): a few shards cost a few requests on a small tenant and save seconds on a large one.
                return 8;
            }

            /// <summary>The shard reader for one dataset: URLs through RelativeUrl, records through RecordSink.</summary>
            private ShardReader ShardsFor(DatasetDefinition dataset) =>
                new ShardReader(_http, _batch, _log, dataset, HeadersFor(dataset),
                    filter => _http.Url(dataset.Version, RelativeUrl(dataset with { Filter = Combine(dataset.Filter, filter) }, dataset.Path, firstPageOnly: false)),
                    () => RecordSink(dataset));

            private static Func<JsonElement, object> Parser(DatasetDefinition dataset, SlimRecordReader reader)
            {
                switch (dataset.Id)
                {
                    case DatasetIds.Users: return item => reader.User(item);
                    case DatasetIds.Groups: return item => reader.Group(item);
                    case DatasetIds.ManagedDevices: return item => reader.Device(item);
                    case DatasetIds.ServicePrincipals: return item => reader.ServicePrincipal(item);
                    default: throw new InvalidOperationException($"{dataset.Id} is marked large but has no slim record type.");
                }
            }

            private static DatasetData Store(DatasetDefinition dataset, ShardedRead read, TenantSnapshot snapshot)
            {
                // Range shards meet at boundary values: an item equal to a boundary is in two shards.
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                List<T> Unique<T>(Func<T, string> id) => read.Shards.SelectMany(s => s).Cast<T>().Where(r => seen.Add(id(r))).ToList();

                int count;
                switch (dataset.Id)
                {
                    case DatasetIds.Users: snapshot.Users = Unique<UserRecord>(u => u.Id); count = snapshot.Users.Count; break;
                    case DatasetIds.Groups: snapshot.Groups = Unique<GroupRecord>(g => g.Id); count = snapshot.Groups.Count; break;
                    case DatasetIds.ManagedDevices: snapshot.Devices = Unique<DeviceRecord>(d => d.Id); count = snapshot.Devices.Count; break;
                    case DatasetIds.ServicePrincipals: snapshot.ServicePrincipals = Unique<ServicePrincipalRecord>(s => s.Id); count = snapshot.ServicePrincipals.Count; break;
                    default: throw new InvalidOperationException($"No slim store for {dataset.Id}.");
                }

                var data = new DatasetData { ItemCount = count };
                // Only a sharded read has one count per shard; a stream (even one that replaced abandoned shards) has none.
                if (read.ShardCounts.Count > 1)
                {
                    data.Notes.Add($"Read in {read.ShardCounts.Count} parallel shards by {dataset.ShardProperty}.");
                }

                return data;
            }

            private static string? Combine(string? a, string? b) => ODataUrl.Combine(a, b);

            private static string RelativeUrl(DatasetDefinition dataset, string path, bool firstPageOnly) => ODataUrl.Relative(dataset, path);

            private static IReadOnlyDictionary<string, string>? HeadersFor(DatasetDefinition dataset) => ODataUrl.Headers(dataset);

            private static JsonElement ToArray(List<JsonElement> items)
            {
                using var buffer = new System.IO.MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        item.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }

                using var document = JsonDocument.Parse(buffer.ToArray());
                return document.RootElement.Clone();
            }

            private void Succeed(DatasetDefinition dataset, DatasetData data)
            {
                data.Id = dataset.Id;
                data.Request = dataset.Describe();
                data.State = DatasetState.Collected;
                Record(dataset, data);
            }

            private void Fail(DatasetDefinition dataset, DatasetFailure failure)
            {
                _log.Verbose($"Not read: {dataset.Id} — {failure.Reason}: {failure.Message}");
                Record(dataset, new DatasetData { Id = dataset.Id, Request = dataset.Describe(), State = DatasetState.Failed, Failure = failure });
            }

            private void Record(DatasetDefinition dataset, DatasetData data)
            {
                if (!Results.TryAdd(dataset.Id, data))
                {
                    return;
                }

                if (_completions.TryGetValue(dataset.Id, out var completion))
                {
                    completion.TrySetResult(data);
                }

                var done = Interlocked.Increment(ref _done);
                _progress?.Report(new CollectionProgress(done, _total, _http.Requests, Interlocked.Read(ref _items), $"Read {dataset.Id}"));
            }
        }
    }
}
