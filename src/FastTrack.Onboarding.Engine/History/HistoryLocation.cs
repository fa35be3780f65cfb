using System;
using System.Net;
using Azure.Core;
using Azure.Storage.Blobs;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// Turns -HistoryPath into a store: a folder, or https://&lt;account&gt;.blob.core.windows.net/&lt;container&gt;
    /// authenticated by the SAS in its query or else by the connection's credential (managed identity in
    /// Azure Automation). Plain http is accepted only for a loopback storage emulator (Azurite).
    /// </summary>
    public static class HistoryLocation
    {
        public static bool IsBlobUrl(string location) =>
            location.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || location.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

        /// <summary>The location without its query: what may be shown, logged or saved.</summary>
        public static string Display(string location)
        {
            if (!IsBlobUrl(location) || !Uri.TryCreate(location, UriKind.Absolute, out var uri))
            {
                return location;
            }

            return uri.GetLeftPart(UriPartial.Path);
        }

        public static bool CarriesSecret(string location) =>
            IsBlobUrl(location) && Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Query.Length > 1;

        /// <param name="credential">The connection's credential; needed only for a blob URL without a SAS.</param>
        public static IHistoryStore Open(string location, TokenCredential? credential)
        {
            if (string.IsNullOrWhiteSpace(location))
            {
                throw Invalid(location, "it is empty");
            }

            if (!IsBlobUrl(location))
            {
                return new LocalHistoryStore(location);
            }

            var uri = CheckUrl(location);
            var options = ClientOptions();
            if (uri.Query.Length > 1)
            {
                return new BlobHistoryStore(new BlobContainerClient(uri, options), Display(location));
            }

            if (credential == null)
            {
                throw new FastTrackException(ErrorIds.HistoryNotConfigured, FailureKind.AuthenticationError,
                    $"No credential for the history container {Display(location)}.",
                    "Run Connect-FastTrackTenant first (its credential, for example the managed identity, is used for the container), "
                        + "or pass a container SAS URL.",
                    targetObject: Display(location));
            }

            return new BlobHistoryStore(new BlobContainerClient(uri, credential, options), Display(location));
        }

        /// <summary>A container URL over https (plain http only to a loopback emulator); checked before any credential question.</summary>
        private static Uri CheckUrl(string location)
        {
            if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.AbsolutePath.Trim('/').Length == 0)
            {
                throw Invalid(Display(location), "it is not a container URL");
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            {
                throw new FastTrackException(ErrorIds.HistoryLocationInvalid, FailureKind.SecurityError,
                    $"The history URL {Display(location)} uses plain http.",
                    "Use https://<account>.blob.core.windows.net/<container>; http is accepted only for a local emulator.",
                    targetObject: Display(location));
            }

            return uri;
        }

        /// <summary>
        /// With the connection's credential. A pasted access token (-AccessToken) is a Graph token whatever the scope asked:
        /// it must never be sent to storage, so such a connection needs a SAS URL.
        /// </summary>
        public static IHistoryStore OpenForSession(string location, Connections.TenantSession? session)
        {
            var credential = session?.Credential;
            if (IsBlobUrl(location))
            {
                CheckUrl(location);
            }

            if (credential is Connections.StaticTokenCredential && IsBlobUrl(location) && !CarriesSecret(location))
            {
                throw new FastTrackException(ErrorIds.HistoryNotConfigured, FailureKind.AuthenticationError,
                    $"A connection made with a pasted access token cannot sign in to the history container {Display(location)}.",
                    "Pass a container SAS URL as -HistoryPath, "
                        + "or connect with a managed identity, certificate, secret or interactive sign-in.",
                    targetObject: Display(location));
            }

            return Open(location, credential);
        }

        /// <summary>A storage connection string and container name (the string itself is never shown).</summary>
        public static IHistoryStore OpenConnectionString(string connectionString, string container)
        {
            BlobContainerClient client;
            try
            {
                client = new BlobContainerClient(connectionString, container, ClientOptions());
            }
            catch (Exception e) when (e is FormatException || e is ArgumentException || e is InvalidOperationException)
            {
                throw new FastTrackException(ErrorIds.HistoryLocationInvalid, FailureKind.InvalidArgument,
                    "The storage connection string is not valid.",
                    "Copy the connection string from the storage account's Access keys page.",
                    null,
                    container);
            }

            return new BlobHistoryStore(client, client.Uri.GetLeftPart(UriPartial.Path));
        }

        private static BlobClientOptions ClientOptions()
        {
            var options = new BlobClientOptions();
            options.Retry.MaxRetries = 3;
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
            return options;
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));

        private static FastTrackException Invalid(string location, string why) =>
            new FastTrackException(ErrorIds.HistoryLocationInvalid, FailureKind.InvalidArgument,
                $"-HistoryPath '{location}' is not usable: {why}.",
                "Pass a folder, or https://<account>.blob.core.windows.net/<container>.",
                targetObject: location);
    }
}
