using System;
using System.Collections.Generic;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using FastTrack.Onboarding.Model.Connections;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// Everything Connect-FastTrackTenant bound, in engine terms. Secrets stay SecureStrings until
    /// the moment a credential needs them.
    /// </summary>
    public sealed record ConnectionRequest
    {
        public AuthenticationMethod Method { get; init; }
        public string? TenantId { get; init; }
        public string? ClientId { get; init; }
        public SecureString? ClientSecret { get; init; }
        public string? CertificateThumbprint { get; init; }
        public string? CertificatePath { get; init; }

        /// <summary>A certificate object the caller already holds (-Certificate); must carry its private key.</summary>
        public X509Certificate2? Certificate { get; init; }

        /// <summary>The subject to look up in the CurrentUser\My then LocalMachine\My stores (-CertificateSubjectName).</summary>
        public string? CertificateSubjectName { get; init; }
        public SecureString? CertificatePassword { get; init; }
        public SecureString? AccessToken { get; init; }
        public CloudEnvironment Environment { get; init; } = CloudEnvironment.Global;
        public Uri? GraphEndpoint { get; init; }
        public Uri? AuthorityHost { get; init; }

        /// <summary>Delegated scopes to ask for in interactive and device-code sign-ins.</summary>
        public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

        /// <summary>How long the whole connect (token + organization read) may take.</summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

        /// <summary>False when the host cannot show a prompt; interactive flows then fail at once.</summary>
        public bool InteractionAllowed { get; init; }
    }
}
