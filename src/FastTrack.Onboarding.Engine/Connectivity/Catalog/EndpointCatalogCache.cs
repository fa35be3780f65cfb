using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// The on-disk state the web service asks clients to keep: a per-machine ClientRequestId, the last
    /// version check (once an hour at most) with any 429 back-off, and the endpoint list per version.
    /// Every write is atomic (temp file + replace) so a crash never leaves half a cache.
    /// Version state and lists are keyed by the service they came from as well as instance and tenant:
    /// a run against a mirror (-EndpointServiceUri) must never feed its list to a run against another source.
    /// </summary>
    internal sealed class EndpointCatalogCache
    {
        private readonly string _folder;
        private readonly string _source;

        public EndpointCatalogCache(string? folder, Uri serviceBaseUri)
        {
            _folder = folder ?? DefaultFolder();
            _source = SourceKey(serviceBaseUri);
        }

        /// <summary>
        /// A short hash of the service's scheme, host, port and path (never its user info, which is not part of
        /// where the list comes from). A hash keeps file names short and keeps a mirror's address out of the folder.
        /// </summary>
        internal static string SourceKey(Uri serviceBaseUri)
        {
            var where = serviceBaseUri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
            using var sha = System.Security.Cryptography.SHA256.Create();
            var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(where.ToLowerInvariant()));
            return BitConverter.ToString(hash, 0, 8).Replace("-", string.Empty).ToLowerInvariant();
        }

        public string Folder => _folder;

        /// <summary>Why the last write failed (read-only profile, sandbox without a home folder), or null.</summary>
        public string? WriteProblem { get; private set; }

        public static string DefaultFolder()
        {
            string root;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            else
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
                root = !string.IsNullOrEmpty(xdg)
                    ? xdg!
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }
            return Path.Combine(root, "FastTrack.Onboarding", "endpoints");
        }

        /// <summary>The service wants one GUID per machine, generated locally and reused (its doc examples may be blocked).</summary>
        public Guid GetOrCreateClientRequestId()
        {
            var path = Path.Combine(_folder, "client-request-id.txt");
            if (Guid.TryParse(TryRead(path)?.Trim(), out var existing)) return existing;
            var id = Guid.NewGuid();
            WriteAtomically(path, id.ToString("D"));
            return id;
        }

        public VersionState? ReadVersionState(string instance)
        {
            var text = TryRead(VersionPath(instance));
            if (text == null) return null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var r = doc.RootElement;
                return new VersionState(
                    r.TryGetProperty("version", out var v) ? v.GetString() : null,
                    ParseTime(r, "checkedUtc") ?? DateTimeOffset.MinValue,
                    ParseTime(r, "backoffUntilUtc"));
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidOperationException)
            {
                return null; // a corrupt cache file is the same as no cache: ask the service again
            }
        }

        public void WriteVersionState(string instance, VersionState state)
        {
            var json = JsonSerializer.Serialize(new
            {
                version = state.Version,
                checkedUtc = state.CheckedUtc.ToString("o", CultureInfo.InvariantCulture),
                backoffUntilUtc = state.BackoffUntilUtc?.ToString("o", CultureInfo.InvariantCulture),
            });
            WriteAtomically(VersionPath(instance), json);
        }

        public CachedEndpoints? ReadEndpoints(string instance, string? tenantName)
        {
            var text = TryRead(EndpointsPath(instance, tenantName));
            if (text == null) return null;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var r = doc.RootElement;
                if (!r.TryGetProperty("source", out var source)
                    || source.ValueKind != JsonValueKind.String
                    || source.GetString() != _source)
                    return null; // written for another service (or by an older version that did not record its source)
                return new CachedEndpoints(
                    r.GetProperty("version").GetString() ?? "",
                    ParseTime(r, "retrievedUtc") ?? DateTimeOffset.MinValue,
                    EndpointSetJson.ParseArray(r.GetProperty("endpoints")));
            }
            catch (Exception ex) when (ex is JsonException
                || ex is FormatException
                || ex is InvalidOperationException
                || ex is System.Collections.Generic.KeyNotFoundException)
            {
                return null;
            }
        }

        /// <summary>Stores the service's raw JSON so a later parse sees exactly what the service said.</summary>
        public void WriteEndpoints(
            string instance,
            string? tenantName,
            string version,
            DateTimeOffset retrievedUtc,
            string rawEndpointsJson)
        {
            using var doc = JsonDocument.Parse(rawEndpointsJson); // refuse to cache something that is not JSON
            var json = "{\"source\":" + JsonSerializer.Serialize(_source)
                + ",\"version\":" + JsonSerializer.Serialize(version)
                + ",\"retrievedUtc\":" + JsonSerializer.Serialize(retrievedUtc.ToString("o", CultureInfo.InvariantCulture))
                + ",\"endpoints\":" + doc.RootElement.GetRawText() + "}";
            WriteAtomically(EndpointsPath(instance, tenantName), json);
        }

        private string VersionPath(string instance) => Path.Combine(_folder, $"version-{instance}-{_source}.json");

        private string EndpointsPath(string instance, string? tenantName)
        {
            var tenant = string.IsNullOrEmpty(tenantName) ? "_" : SafeFileToken(tenantName!);
            return Path.Combine(_folder, $"endpoints-{instance}-{tenant}-{_source}.json");
        }

        private static string SafeFileToken(string s)
        {
            var chars = s.ToLowerInvariant().ToCharArray();
            for (var i = 0; i < chars.Length; i++)
                if (!(char.IsLetterOrDigit(chars[i]) || chars[i] == '-')) chars[i] = '_';
            return new string(chars);
        }

        private static DateTimeOffset? ParseTime(JsonElement r, string name) =>
            r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : (DateTimeOffset?)null;

        private static string? TryRead(string path)
        {
            try { return File.Exists(path) ? File.ReadAllText(path) : null; }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException) { return null; }
        }

        /// <summary>A cache that cannot be written costs politeness to the service, not the run: note it and go on.</summary>
        private void WriteAtomically(string path, string content)
        {
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                Directory.CreateDirectory(_folder);
                File.WriteAllText(temp, content);
                if (File.Exists(path)) File.Replace(temp, path, null);
                else
                {
                    try { File.Move(temp, path); }
                    catch (IOException) when (File.Exists(path)) { File.Replace(temp, path, null); } // another run won the race
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteProblem = $"the endpoint cache in {_folder} cannot be written ({ex.Message}); the service will be asked on every run";
                try { if (File.Exists(temp)) File.Delete(temp); }
                catch (Exception cleanup) when (cleanup is IOException || cleanup is UnauthorizedAccessException) { }
            }
        }
    }
}
