using System;
using System.Net.Http;
using System.Net.Sockets;
using FastTrack.Onboarding.Engine.Security;
using FastTrack.Onboarding.Model.Errors;
using Microsoft.Graph.Models.ODataErrors;

namespace FastTrack.Onboarding.Engine.Graph
{
    /// <summary>Maps a failed Graph call onto a stable error id with what to do.</summary>
    internal static class GraphErrorTranslator
    {
        public static FastTrackException Translate(Exception error, Uri graphRoot, string what)
        {
            if (error is FastTrackException known)
            {
                return known;
            }

            if (error is ODataError odata)
            {
                var code = odata.Error?.Code ?? "unknown";
                var message = SecretRedactor.Redact(odata.Error?.Message ?? odata.Message);
                switch (odata.ResponseStatusCode)
                {
                    case 401:
                        return new FastTrackException(ErrorIds.AccessTokenRejected, FailureKind.AuthenticationError,
                            $"Microsoft Graph rejected the token while reading {what} ({code}: {message}).",
                            "Connect again; a token passed with -AccessToken must be issued for Microsoft Graph and not expired.", error);
                    case 403:
                        return new FastTrackException(ErrorIds.PermissionDenied, FailureKind.PermissionDenied,
                            $"Microsoft Graph refused to read {what} ({code}: {message}).",
                            "Run Test-FastTrackPermission to see which permission is missing, "
                                + "then grant it to the app (admin consent) or the signed-in user.",
                            error);
                    default:
                        return new FastTrackException(ErrorIds.GraphRequestFailed, FailureKind.InvalidOperation,
                            $"Microsoft Graph answered {odata.ResponseStatusCode} while reading {what} ({code}: {message}).",
                            "Retry later; if it persists, run with -Debug and check the Microsoft 365 service health.", error);
                }
            }

            if (error is HttpRequestException || error.InnerException is SocketException || error.InnerException is HttpRequestException)
            {
                return new FastTrackException(ErrorIds.EndpointUnreachable, FailureKind.ConnectionError,
                    $"Microsoft Graph could not be reached at {graphRoot}: "
                        + $"{SecretRedactor.Redact(error.InnerException?.Message ?? error.Message)}",
                    "Check the network path (proxy, firewall, DNS) to the Graph endpoint, "
                        + "or -GraphEndpoint / -Environment if you set them.",
                    error,
                    graphRoot);
            }

            return new FastTrackException(ErrorIds.GraphRequestFailed, FailureKind.InvalidOperation,
                $"Reading {what} from Microsoft Graph failed: {SecretRedactor.Redact(error.Message)}",
                "Run with -Debug for details.", error);
        }
    }
}
