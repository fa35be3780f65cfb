using System;
using System.Net.Http;
using System.Net.Sockets;
using Azure.Identity;
using FastTrack.Onboarding.Engine.Security;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// Maps what Azure.Identity, MSAL and HttpClient throw during sign-in onto stable error ids with
    /// a sentence that says what to do. Entra's AADSTS codes are the most precise signal we get.
    /// </summary>
    internal static class AuthErrorTranslator
    {
        public static FastTrackException Translate(Exception error, ConnectionRequest request, Uri authorityHost)
        {
            if (error is FastTrackException known)
            {
                return known;
            }

            var text = Flatten(error);
            var tenant = request.TenantId ?? "(not given)";

            if (Contains(text, "AADSTS90002") || Contains(text, "AADSTS900023") || Contains(text, "AADSTS90072"))
            {
                return new FastTrackException(ErrorIds.TenantNotFound, FailureKind.ObjectNotFound,
                    $"Entra ID does not know the tenant '{tenant}' at {authorityHost}.",
                    "Check -TenantId (the tenant GUID or a verified domain) and -Environment: "
                        + "a tenant in a national cloud is only found with that cloud's -Environment.",
                    error,
                    request.TenantId);
            }

            if (Contains(text, "AADSTS7000215") || Contains(text, "AADSTS7000222"))
            {
                return new FastTrackException(ErrorIds.InvalidClientSecret, FailureKind.AuthenticationError,
                    $"Entra ID rejected the client secret for application {request.ClientId}: it is wrong or expired.",
                    "Create a new client secret under the app registration's Certificates & secrets "
                        + "and pass its Value (not its Secret ID) with -ClientSecret.",
                    error,
                    request.ClientId);
            }

            if (Contains(text, "AADSTS700016"))
            {
                return new FastTrackException(ErrorIds.UnknownClient, FailureKind.ObjectNotFound,
                    $"Application {request.ClientId} is not registered in tenant '{tenant}'.",
                    "Check -ClientId and -TenantId; the app registration (or its enterprise application) must exist in that tenant.",
                    error,
                    request.ClientId);
            }

            if (Contains(text, "AADSTS700027") || Contains(text, "AADSTS700023") || Contains(text, "AADSTS50012"))
            {
                return new FastTrackException(ErrorIds.InvalidClientAssertion, FailureKind.AuthenticationError,
                    $"Entra ID rejected the certificate sign-in for application {request.ClientId}.",
                    "Upload the certificate's public key (.cer) to the app registration's Certificates & secrets, "
                        + "and check it has not expired.",
                    error,
                    request.ClientId);
            }

            if (error is CredentialUnavailableException && request.Method == Model.Connections.AuthenticationMethod.ManagedIdentity)
            {
                return new FastTrackException(ErrorIds.ManagedIdentityUnavailable, FailureKind.ResourceUnavailable,
                    "No managed identity is available here: " + SecretRedactor.Redact(error.Message),
                    "Run where a managed identity is enabled (Azure Automation account > Identity, an Azure VM, App Service), "
                        + "or use another sign-in method. For a user-assigned identity pass its -ClientId.",
                    error);
            }

            if (FindInner<HttpRequestException>(error) != null
                || FindInner<SocketException>(error) != null
                || Contains(text, "No such host")
                || Contains(text, "Connection refused"))
            {
                return new FastTrackException(ErrorIds.EndpointUnreachable, FailureKind.ConnectionError,
                    $"The sign-in service could not be reached ({authorityHost}): " + SecretRedactor.Redact(Innermost(error).Message),
                    "Check the network path (proxy, firewall, DNS) to the authority host, "
                        + "or -AuthorityHost / -Environment if you set them.",
                    error,
                    authorityHost);
            }

            return new FastTrackException(ErrorIds.AuthenticationFailed, FailureKind.AuthenticationError,
                "Sign-in failed: " + SecretRedactor.Redact(FirstLine(error.Message)),
                "Check the credentials and the app registration's permissions; run with -Debug for the full sign-in trace.", error);
        }

        private static string Flatten(Exception error)
        {
            var text = string.Empty;
            for (var e = error; e != null; e = e.InnerException)
            {
                text += e.Message + "\n";
            }

            return text;
        }

        private static T? FindInner<T>(Exception error) where T : Exception
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is T match)
                {
                    return match;
                }
            }

            return null;
        }

        private static Exception Innermost(Exception error)
        {
            var e = error;
            while (e.InnerException != null)
            {
                e = e.InnerException;
            }

            return e;
        }

        private static string FirstLine(string message)
        {
            var index = message.IndexOf('\n');
            return index < 0 ? message : message.Substring(0, index).TrimEnd();
        }

        private static bool Contains(string text, string value) => text.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
