using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Model.Connections;

namespace FastTrack.Onboarding
{
    /// <summary>
    /// A connection to one tenant, as PowerShell sees it: who, where, what the token allows, until
    /// when. Pass it with -Connection to work with several tenants at once. It never exposes the
    /// token; the signed-in session behind it is internal.
    /// </summary>
    public sealed class FastTrackConnection
    {
        internal FastTrackConnection(TenantSession session)
        {
            Session = session;
        }

        internal TenantSession Session { get; }

        private ConnectionInfo Info => Session.Info;

        public string TenantId => Info.TenantId;
        public string? TenantName => Info.TenantName;
        public string? InitialDomain => Info.InitialDomain;
        public CloudEnvironment Environment => Info.Environment;
        public AuthenticationMethod AuthMethod => Info.AuthMethod;
        public string? Account => Info.Account;
        public string? ClientId => Info.ClientId;
        public string? ObjectId => Info.ObjectId;
        public string TokenType => Info.TokenType;
        public IReadOnlyList<string> Scopes => Info.Scopes;
        public IReadOnlyList<string> Roles => Info.Roles;
        public DateTimeOffset? ExpiresOn => Info.ExpiresOn;
        public Uri GraphEndpoint => Info.GraphEndpoint;
        public Uri AuthorityHost => Info.AuthorityHost;
        public DateTimeOffset ConnectedOn => Info.ConnectedOn;
        public bool IsDisconnected { get; internal set; }

        /// <summary>The connection facts as a plain record (for reports and snapshots).</summary>
        public ConnectionInfo ToConnectionInfo() => Info;

        public override string ToString() => $"{TenantName ?? TenantId} ({AuthMethod}, {Account})";
    }
}
