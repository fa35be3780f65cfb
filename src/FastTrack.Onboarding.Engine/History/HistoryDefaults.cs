using System;
using System.IO;
using System.Text.Json;
using FastTrack.Onboarding.Engine.IO;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// The per-user default history location, in the user's profile (settings.json under
    /// ApplicationData/FastTrack.Onboarding: ~/.config on Linux and macOS, %APPDATA% on Windows), so
    /// an admin sets it once. A SAS URL is refused: the file would keep a secret on disk.
    /// </summary>
    public static class HistoryDefaults
    {
        public static string SettingsPath =>
            Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify),
                "FastTrack.Onboarding",
                "settings.json");

        /// <summary>The saved location, or null when none is set. An unreadable settings file is an error, not a silent "none".</summary>
        public static string? Read()
        {
            var path = SettingsPath;
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("HistoryPath", out var value)
                    && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
            }
            catch (Exception e) when (e is JsonException || e is IOException || e is UnauthorizedAccessException)
            {
                throw new FastTrackException(ErrorIds.HistoryDefaultInvalid, FailureKind.InvalidData,
                    $"The settings file '{path}' cannot be read: {e.Message}",
                    "Run Set-FastTrackHistoryDefault again to rewrite it, or Set-FastTrackHistoryDefault -Clear.",
                    e,
                    path);
            }
        }

        public static void Save(string location)
        {
            if (HistoryLocation.CarriesSecret(location))
            {
                throw new FastTrackException(ErrorIds.HistoryDefaultInvalid, FailureKind.SecurityError,
                    $"The default history location {HistoryLocation.Display(location)} carries a SAS; it was not saved.",
                    "Save the URL without its query and sign in with Connect-FastTrackTenant (its credential is used), "
                        + "or pass the SAS URL as -HistoryPath on each run.",
                    targetObject: HistoryLocation.Display(location));
            }

            // validates the form (empty, plain http to a remote host, not a container URL)
            HistoryLocation.Open(location, Placeholder.Instance);
            Write(JsonSerializer.SerializeToUtf8Bytes(new { HistoryPath = location }));
        }

        public static void Clear()
        {
            if (File.Exists(SettingsPath))
            {
                File.Delete(SettingsPath);
            }
        }

        private static void Write(byte[] content)
        {
            var path = SettingsPath;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                AtomicFile.Write(path, stream => stream.Write(content, 0, content.Length), overwrite: true, privateFile: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new FastTrackException(ErrorIds.HistoryWriteFailed, FailureKind.PermissionDenied,
                    $"The settings file '{path}' could not be written: {e.Message}",
                    "Check that your profile folder is writable.",
                    e,
                    path);
            }
        }

        /// <summary>Only to validate a URL's form at save time; it never signs anything in.</summary>
        private sealed class Placeholder : Azure.Core.TokenCredential
        {
            public static readonly Placeholder Instance = new Placeholder();

            public override Azure.Core.AccessToken GetToken(
                Azure.Core.TokenRequestContext requestContext,
                System.Threading.CancellationToken cancellationToken) =>
                throw new InvalidOperationException("validation only");

            public override System.Threading.Tasks.ValueTask<Azure.Core.AccessToken> GetTokenAsync(
                Azure.Core.TokenRequestContext requestContext,
                System.Threading.CancellationToken cancellationToken) =>
                throw new InvalidOperationException("validation only");
        }
    }
}
