using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// Client for the Microsoft 365 IP address and URL web service, used the way its documentation asks:
    /// /version at most once an hour, /endpoints only when the version changed, one ClientRequestId per
    /// machine, and after a 429 no call until the back-off has passed. When the service cannot answer,
    /// the cached list (any version) serves, else the bundled worldwide list; the result says which.
    /// </summary>
    internal sealed class EndpointCatalogClient
    {
        private static readonly TimeSpan VersionCheckInterval = TimeSpan.FromHours(1);
        // The doc says to wait an hour after a 429 on /endpoints when no Retry-After is given.
        private static readonly TimeSpan DefaultBackoff = TimeSpan.FromHours(1);

        private readonly HttpClient _http;
        private readonly EndpointCatalogCache _cache;
        private readonly Func<DateTimeOffset> _utcNow;

        public EndpointCatalogClient(HttpClient http, EndpointCatalogCache cache, Func<DateTimeOffset> utcNow)
        {
            _http = http;
            _cache = cache;
            _utcNow = utcNow;
        }

        public async Task<LoadedCatalog> LoadAsync(ConnectivityTestOptions options, CancellationToken cancellationToken)
        {
            var instance = options.Instance.ToString();
            var tenant = string.IsNullOrWhiteSpace(options.TenantName) ? null : options.TenantName!.Trim();
            var notes = new List<string>();
            var (source, version, retrieved, sets) = await LoadWebServiceListAsync(options, instance, tenant, notes, cancellationToken)
                .ConfigureAwait(false);
            if (_cache.WriteProblem != null) notes.Add(_cache.WriteProblem);

            var wanted = NormaliseServiceAreas(options.ServiceAreas);
            string? intuneVersion = null;
            var all = new List<EndpointSet>(sets.Where(s => wanted == null || wanted.Contains(s.ServiceArea)));
            if (wanted == null || wanted.Contains("Intune") || wanted.Contains("Autopilot"))
            {
                // The web service no longer lists Intune accurately (Microsoft's own caution), so it comes from our data file.
                var intune = DataFileCatalog.Load(DataFileCatalog.IntuneFile);
                intuneVersion = intune.Version;
                all.AddRange(intune.Sets.Where(s => wanted == null || wanted.Contains(s.ServiceArea)));
                if (options.Instance != EndpointInstance.Worldwide)
                    notes.Add(
                        $"The Intune/Autopilot list ({intune.Version}) describes the worldwide cloud; "
                            + $"{instance} tenants may use other hosts.");
            }

            var info = new EndpointCatalogInfo
            {
                Source = source,
                Instance = options.Instance,
                Version = version,
                IntuneListVersion = intuneVersion,
                TenantName = tenant,
                ServiceAreas = all
                    .Select(s => s.ServiceArea)
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .OrderBy(s => s, StringComparer.Ordinal)
                    .ToArray(),
                EndpointSetCount = all.Count,
                RetrievedUtc = retrieved,
                Notes = notes,
            };
            return new LoadedCatalog(info, all);
        }

        /// <summary>Common is always included, as the web service itself does.</summary>
        private static HashSet<string>? NormaliseServiceAreas(IReadOnlyList<string> areas)
        {
            if (areas == null || areas.Count == 0) return null;
            var set = new HashSet<string>(areas.Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase) { "Common" };
            return set;
        }

        private async Task<(EndpointCatalogSource, string, DateTimeOffset?, IReadOnlyList<EndpointSet>)> LoadWebServiceListAsync(
            ConnectivityTestOptions options, string instance, string? tenant, List<string> notes, CancellationToken ct)
        {
            var now = _utcNow();
            var state = _cache.ReadVersionState(instance);
            var cached = _cache.ReadEndpoints(instance, tenant);

            if (state?.BackoffUntilUtc is DateTimeOffset backoffUntil && backoffUntil > now)
            {
                notes.Add($"The endpoint service answered 429 earlier; not asking it again before {backoffUntil:u}.");
                return Fallback(options, cached, notes);
            }
            if (state != null && cached != null && state.Version == cached.Version && now - state.CheckedUtc < VersionCheckInterval)
                return (EndpointCatalogSource.Cache, cached.Version, cached.RetrievedUtc, cached.Sets);

            var clientRequestId = _cache.GetOrCreateClientRequestId();
            try
            {
                var latest = await GetLatestVersionAsync(options, instance, clientRequestId, ct).ConfigureAwait(false);
                _cache.WriteVersionState(instance, new VersionState(latest, now, null));
                if (cached != null && cached.Version == latest)
                    return (EndpointCatalogSource.Cache, cached.Version, cached.RetrievedUtc, cached.Sets);

                var raw = await GetStringAsync(options, EndpointsUri(options, instance, clientRequestId, tenant), ct).ConfigureAwait(false);
                var sets = EndpointSetJson.ParseArray(raw);
                _cache.WriteEndpoints(instance, tenant, latest, now, raw);
                return (EndpointCatalogSource.WebService, latest, now, sets);
            }
            catch (TooManyRequestsException tooMany)
            {
                var until = now + (tooMany.RetryAfter ?? DefaultBackoff);
                _cache.WriteVersionState(instance, new VersionState(state?.Version, state?.CheckedUtc ?? now, until));
                notes.Add($"The endpoint service answered 429 (too many requests); backing off until {until:u}.");
                return Fallback(options, cached, notes);
            }
            catch (Exception ex) when (IsServiceFailure(ex, ct))
            {
                notes.Add(ProxyAddress.Redact($"The endpoint service at {options.ServiceBaseUri} could not be used: {ex.Message}"));
                return Fallback(options, cached, notes);
            }
        }

        private static bool IsServiceFailure(Exception ex, CancellationToken ct) =>
            ex is HttpRequestException || ex is JsonException || ex is FormatException || ex is KeyNotFoundException
            || ex is InvalidOperationException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested); // HttpClient timeout, not Ctrl+C

        private static (EndpointCatalogSource, string, DateTimeOffset?, IReadOnlyList<EndpointSet>) Fallback(
            ConnectivityTestOptions options, CachedEndpoints? cached, List<string> notes)
        {
            if (cached != null)
            {
                notes.Add($"Using the cached endpoint list, version {cached.Version}, retrieved {cached.RetrievedUtc:u}.");
                return (EndpointCatalogSource.Cache, cached.Version, cached.RetrievedUtc, cached.Sets);
            }
            if (options.Instance != EndpointInstance.Worldwide)
                throw new EndpointCatalogUnavailableException(
                    $"No endpoint list for {options.Instance}: the service could not be used, nothing is cached, "
                        + "and only a Worldwide catalog is bundled.");
            var bundled = DataFileCatalog.Load(DataFileCatalog.BundledWorldwideFile);
            notes.Add(
                $"Using the bundled worldwide catalog, version {bundled.Version} ({bundled.Source}). "
                    + "It is a dated fallback: endpoints added since are not tested.");
            return (EndpointCatalogSource.Bundled, bundled.Version, null, bundled.Sets);
        }

        private async Task<string> GetLatestVersionAsync(
            ConnectivityTestOptions options,
            string instance,
            Guid clientRequestId,
            CancellationToken ct)
        {
            var uri = new Uri(BaseWithSlash(options), $"version/{instance}?ClientRequestId={clientRequestId:D}");
            var json = await GetStringAsync(options, uri, ct).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(json);
            var latest = doc.RootElement.GetProperty("latest").GetString();
            if (string.IsNullOrEmpty(latest)) throw new FormatException("The /version answer has no 'latest' value.");
            return latest!;
        }

        private static Uri EndpointsUri(ConnectivityTestOptions options, string instance, Guid clientRequestId, string? tenant)
        {
            // All service areas are fetched and filtered locally, so one cached copy serves every -ServiceArea choice.
            var query = $"endpoints/{instance}?ClientRequestId={clientRequestId:D}";
            if (tenant != null) query += "&TenantName=" + Uri.EscapeDataString(tenant);
            return new Uri(BaseWithSlash(options), query);
        }

        // A mirror at https://host/m365 must resolve "version/..." under m365/, not beside it.
        private static Uri BaseWithSlash(ConnectivityTestOptions options)
        {
            var text = options.ServiceBaseUri.AbsoluteUri;
            return text.EndsWith("/", StringComparison.Ordinal) ? options.ServiceBaseUri : new Uri(text + "/");
        }

        private async Task<string> GetStringAsync(ConnectivityTestOptions options, Uri uri, CancellationToken ct)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.ServiceRequestTimeout);
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            if ((int)response.StatusCode == 429)
                throw new TooManyRequestsException(RetryAfter(response, _utcNow()));
            if (response.StatusCode != HttpStatusCode.OK)
                throw new HttpRequestException($"{uri.AbsolutePath} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }

        private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return delta;
            if (header?.Date is DateTimeOffset date && date > now) return date - now;
            return null;
        }

        private sealed class TooManyRequestsException : Exception
        {
            public TooManyRequestsException(TimeSpan? retryAfter) : base("429 Too Many Requests") => RetryAfter = retryAfter;
            public TimeSpan? RetryAfter { get; }
        }
    }
}
