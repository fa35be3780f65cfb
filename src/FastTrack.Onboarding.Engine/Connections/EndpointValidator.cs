using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// Checks a -GraphEndpoint / -AuthorityHost override. Any Graph-compatible root is accepted
    /// (a proxy, a sovereign mirror, a local emulator), but tokens must never travel in clear text.
    /// Plain http is allowed for exactly the hosts the Graph SDK itself allows it for, so nothing we
    /// accept fails later inside the SDK: Microsoft.Kiota.Authentication.Azure 2.0.1,
    /// AzureIdentityAccessTokenProvider.GetAuthorizationTokenAsync, refuses a non-https URL with
    /// "Only https is supported" unless <c>Uri.Host</c> is, ignoring case, one of "localhost", "[::1]",
    /// "::1" or "127.0.0.1" (github.com/microsoft/kiota-dotnet, src/authentication/azure).
    /// </summary>
    public static class EndpointValidator
    {
        private static readonly HashSet<string> PlainHttpHosts =
            new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", "[::1]", "::1", "127.0.0.1" };

        /// <summary>The Graph API version segments people paste with the root (https://graph.microsoft.com/v1.0).</summary>
        private static readonly string[] VersionSegments = { "v1.0", "beta" };

        /// <summary>
        /// A -GraphEndpoint as a root ending in '/'; <paramref name="droppedVersion"/> names a trailing v1.0/beta segment that was removed.
        /// </summary>
        public static Uri ValidateGraphRoot(Uri endpoint, out string? droppedVersion)
        {
            droppedVersion = null;
            var root = Validate(endpoint, "GraphEndpoint");
            // A pasted version segment would double (/v1.0/v1.0/organization): drop it.
            var path = root.AbsolutePath.TrimEnd('/');
            foreach (var version in VersionSegments)
            {
                if (path.EndsWith("/" + version, StringComparison.OrdinalIgnoreCase))
                {
                    droppedVersion = version;
                    return new Uri(root.GetLeftPart(UriPartial.Authority) + path.Substring(0, path.Length - version.Length - 1) + "/");
                }
            }

            return root;
        }

        /// <summary>An endpoint as a root ending in '/' (query and fragment dropped), or a FastTrack error naming the fix.</summary>
        public static Uri Validate(Uri endpoint, string parameterName)
        {
            if (endpoint is null
                || !endpoint.IsAbsoluteUri
                || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
                || endpoint.Host.Length == 0)
            {
                throw new FastTrackException(ErrorIds.InvalidEndpoint, FailureKind.InvalidArgument,
                    $"-{parameterName} '{endpoint}' is not an absolute http(s) URL.",
                    "Pass the root URL, for example https://graph.microsoft.com for -GraphEndpoint.", targetObject: endpoint);
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp && !AllowsPlainHttp(endpoint))
            {
                throw new FastTrackException(ErrorIds.InsecureEndpoint, FailureKind.SecurityError,
                    $"-{parameterName} '{endpoint}' uses plain http to a host other than localhost, 127.0.0.1 or [::1]; "
                        + "tokens would be sent in clear text (and the Graph SDK refuses it).",
                    $"Use an https URL, or for a local emulator write the host exactly as localhost, 127.0.0.1 or [::1] "
                        + $"(for example http://127.0.0.1:5000).",
                    targetObject: endpoint);
            }

            if (endpoint.UserInfo.Length > 0)
            {
                throw new FastTrackException(ErrorIds.InvalidEndpoint, FailureKind.InvalidArgument,
                    $"-{parameterName} carries a user name or password in the URL; credentials never go in the endpoint.",
                    "Pass the root URL without user-info (https://host/) and sign in with the connection parameters.",
                    targetObject: endpoint.GetLeftPart(UriPartial.Scheme) + endpoint.Authority);
            }

            // A root must end in '/' so that relative paths (v1.0/…) are appended, not substituted; the
            // query and fragment are dropped.
            return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + endpoint.AbsolutePath.TrimEnd('/') + "/");
        }

        /// <summary>True when the SDK would send a token over plain http to this URL's host.</summary>
        public static bool AllowsPlainHttp(Uri endpoint) => endpoint.IsAbsoluteUri && PlainHttpHosts.Contains(endpoint.Host);
    }
}
