using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// Turns a <see cref="ConnectionRequest"/> into an Azure.Identity credential. Names and
    /// defaults follow Connect-MgGraph so admins can bring their app registrations as they are.
    /// </summary>
    internal static class CredentialFactory
    {
        /// <summary>"Microsoft Graph Command Line Tools": the public client Connect-MgGraph signs in with.</summary>
        public const string DefaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

        public static TokenCredential Create(ConnectionRequest request, CloudEndpoints cloud, Uri authorityHost, IEngineLog log)
        {
            switch (request.Method)
            {
                case AuthenticationMethod.ClientSecret:
                    return new ClientSecretCredential(RequireTenant(request), RequireClient(request),
                        SecureStrings.ToPlainText(request.ClientSecret!), Configure(new ClientSecretCredentialOptions(), authorityHost));

                case AuthenticationMethod.Certificate:
                    return CreateCertificateCredential(request, authorityHost, log);

                case AuthenticationMethod.ManagedIdentity:
                    var identity = request.ClientId is null
                        ? ManagedIdentityId.SystemAssigned
                        : ManagedIdentityId.FromUserAssignedClientId(TenantIdValidator.ValidateClientId(request.ClientId));
                    var miOptions = new ManagedIdentityCredentialOptions(identity);
                    ConfigureRetry(miOptions);
                    return new ManagedIdentityCredential(miOptions);

                case AuthenticationMethod.DeviceCode:
                    var deviceOptions = Configure(new DeviceCodeCredentialOptions
                    {
                        TenantId = request.TenantId ?? "organizations",
                        ClientId = request.ClientId is null ? DefaultPublicClientId : TenantIdValidator.ValidateClientId(request.ClientId),
                        // The prompt goes through the log so the cmdlet shows it on the pipeline thread.
                        DeviceCodeCallback = (info, _) =>
                        {
                            log.Information(info.Message);
                            return Task.CompletedTask;
                        },
                    }, authorityHost);
                    return new DeviceCodeCredential(deviceOptions);

                case AuthenticationMethod.InteractiveBrowser:
                    return new InteractiveBrowserCredential(Configure(new InteractiveBrowserCredentialOptions
                    {
                        TenantId = request.TenantId ?? "organizations",
                        ClientId = request.ClientId is null ? DefaultPublicClientId : TenantIdValidator.ValidateClientId(request.ClientId),
                    }, authorityHost));

                default:
                    throw new ArgumentOutOfRangeException(
                        nameof(request),
                        request.Method,
                        "This method does not use an Azure.Identity credential.");
            }
        }

        private static TokenCredential CreateCertificateCredential(ConnectionRequest request, Uri authorityHost, IEngineLog log)
        {
            var options = Configure(new ClientCertificateCredentialOptions(), authorityHost);
            var tenant = RequireTenant(request);
            var client = RequireClient(request);

            if (request.Certificate != null)
            {
                return new ClientCertificateCredential(tenant, client, CertificateLocator.RequirePrivateKey(request.Certificate), options);
            }

            if (request.CertificateSubjectName != null)
            {
                var bySubject = CertificateStoreSearch.FindBySubjectName(request.CertificateSubjectName, DateTimeOffset.UtcNow, log);
                return new ClientCertificateCredential(tenant, client, bySubject, options);
            }

            if (request.CertificateThumbprint != null)
            {
                var certificate = CertificateLocator.FindByThumbprint(request.CertificateThumbprint, log);
                return new ClientCertificateCredential(tenant, client, certificate, options);
            }

            var path = request.CertificatePath!;
            if (!File.Exists(path))
            {
                throw new FastTrackException(ErrorIds.CertificateNotFound, FailureKind.ObjectNotFound,
                    $"The certificate file '{path}' does not exist.",
                    "Pass the full path of a .pfx/.p12 file (with -CertificatePassword) "
                        + "or a .pem file holding the certificate and its private key.",
                    targetObject: path);
            }

            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension == ".pem" || extension == ".crt")
            {
                // Azure.Identity reads PEM (certificate + unencrypted PKCS#8 key) itself.
                return new ClientCertificateCredential(tenant, client, path, options);
            }

            var loaded = CertificateLocator.LoadPfx(path, request.CertificatePassword);
            return new ClientCertificateCredential(tenant, client, loaded, options);
        }

        private static T Configure<T>(T options, Uri authorityHost) where T : TokenCredentialOptions
        {
            options.AuthorityHost = authorityHost;
            ConfigureRetry(options);
            // Instance discovery asks login.microsoftonline.com about the authority: it cannot reach a
            // sovereign mirror or a loopback authority and costs ~17 s when it times out there.
            switch (options)
            {
                case ClientSecretCredentialOptions o:
                    o.DisableInstanceDiscovery = !IsPublicAuthority(authorityHost) || o.DisableInstanceDiscovery;
                    break;
                case ClientCertificateCredentialOptions o:
                    o.DisableInstanceDiscovery = !IsPublicAuthority(authorityHost) || o.DisableInstanceDiscovery;
                    o.SendCertificateChain = false;
                    break;
                case DeviceCodeCredentialOptions o:
                    o.DisableInstanceDiscovery = !IsPublicAuthority(authorityHost) || o.DisableInstanceDiscovery;
                    break;
                case InteractiveBrowserCredentialOptions o:
                    o.DisableInstanceDiscovery = !IsPublicAuthority(authorityHost) || o.DisableInstanceDiscovery;
                    break;
            }

            return options;
        }

        private static void ConfigureRetry(TokenCredentialOptions options)
        {
            // Bounded: an unreachable authority must fail in seconds, not after Azure.Core's default back-off.
            options.Retry.MaxRetries = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(300);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        }

        private static bool IsPublicAuthority(Uri authorityHost)
        {
            foreach (CloudEnvironment environment in Enum.GetValues(typeof(CloudEnvironment)))
            {
                if (Uri.Compare(
                    CloudEndpoints.For(environment).AuthorityHost,
                    authorityHost,
                    UriComponents.SchemeAndServer,
                    UriFormat.Unescaped,
                    StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static string RequireTenant(ConnectionRequest request) =>
            request.TenantId ?? throw new FastTrackException(ErrorIds.InvalidTenantId, FailureKind.InvalidArgument,
                "App-only sign-in needs the tenant.", "Pass -TenantId with the tenant's GUID or a verified domain name.");

        private static string RequireClient(ConnectionRequest request) =>
            request.ClientId is null
                ? throw new FastTrackException(ErrorIds.InvalidClientId, FailureKind.InvalidArgument,
                    "App-only sign-in needs the application (client) id.",
                    "Pass -ClientId with the app registration's Application (client) ID.")
                : TenantIdValidator.ValidateClientId(request.ClientId);
    }
}
