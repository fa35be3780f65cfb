using System;
using System.Net;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// Checks a -GraphEndpoint / -AuthorityHost override. Any Graph-compatible root is accepted
    /// (a proxy, a sovereign mirror, a local emulator), but tokens must never travel in clear text,
    /// so plain http is allowed only for loopback hosts.
    /// </summary>
    public static class EndpointValidator
    {
        public static Uri Validate(Uri endpoint, string parameterName)
        {
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                throw new FastTrackException(ErrorIds.InvalidEndpoint, FailureKind.InvalidArgument,
                    $"-{parameterName} '{endpoint}' is not an absolute http(s) URL.",
                    $"Pass the root URL, for example https://graph.microsoft.com for -GraphEndpoint.", targetObject: endpoint);
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint))
            {
                throw new FastTrackException(ErrorIds.InsecureEndpoint, FailureKind.SecurityError,
                    $"-{parameterName} '{endpoint}' uses plain http to a host that is not loopback; tokens would be sent in clear text.",
                    "Use an https URL. Plain http is accepted only for localhost, 127.0.0.1 and ::1.", targetObject: endpoint);
            }

            // A root must end in '/' so that relative paths (v1.0/…) are appended, not substituted.
            var text = endpoint.GetLeftPart(UriPartial.Path);
            return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
        }

        public static bool IsLoopback(Uri endpoint)
        {
            if (endpoint.IsLoopback)
            {
                return true;
            }

            return IPAddress.TryParse(endpoint.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
        }
    }
}
