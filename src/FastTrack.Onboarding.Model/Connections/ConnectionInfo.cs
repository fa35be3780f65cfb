using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Connections
{
    /// <summary>
    /// What an admin needs to know about a connection: which tenant, which cloud, who signed in,
    /// what the token allows and until when. Decoded from the token's claims; the token itself is
    /// never kept here.
    /// </summary>
    public sealed record ConnectionInfo
    {
        public string TenantId { get; init; } = string.Empty;
        public string? TenantName { get; init; }
        public string? InitialDomain { get; init; }
        public CloudEnvironment Environment { get; init; }
        public AuthenticationMethod AuthMethod { get; init; }

        /// <summary>The user principal name for delegated sign-ins, else the application's display name.</summary>
        public string? Account { get; init; }

        /// <summary>The application (client) id the token was issued to.</summary>
        public string? ClientId { get; init; }

        /// <summary>Object id of the signed-in user or of the service principal.</summary>
        public string? ObjectId { get; init; }

        /// <summary>"Delegated" (a user signed in) or "Application" (app-only).</summary>
        public string TokenType { get; init; } = "Application";

        /// <summary>Delegated permissions (the token's scp claim).</summary>
        public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

        /// <summary>Application permissions (the token's roles claim).</summary>
        public IReadOnlyList<string> Roles { get; init; } = Array.Empty<string>();

        public DateTimeOffset? ExpiresOn { get; init; }
        public Uri GraphEndpoint { get; init; } = new Uri("https://graph.microsoft.com/");
        public Uri AuthorityHost { get; init; } = new Uri("https://login.microsoftonline.com/");
        public DateTimeOffset ConnectedOn { get; init; }

        /// <summary>Why the organization could not be read on connect, when it could not.</summary>
        public string? OrganizationReadWarning { get; init; }

        /// <summary>Every permission the token carries, application and delegated.</summary>
        public IReadOnlyList<string> GrantedPermissions
        {
            get
            {
                var all = new List<string>(Roles.Count + Scopes.Count);
                all.AddRange(Roles);
                all.AddRange(Scopes);
                return all;
            }
        }
    }
}
