using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// Hands out a token the caller already has (-AccessToken). Keeps it as a SecureString and
    /// unwraps it only for the request that needs it.
    /// </summary>
    internal sealed class StaticTokenCredential : TokenCredential
    {
        private readonly SecureString _token;
        private readonly DateTimeOffset _expiresOn;

        public StaticTokenCredential(SecureString token, DateTimeOffset expiresOn)
        {
            _token = token.Copy();
            _token.MakeReadOnly();
            _expiresOn = expiresOn;
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new AccessToken(SecureStrings.ToPlainText(_token), _expiresOn);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new ValueTask<AccessToken>(GetToken(requestContext, cancellationToken));
    }
}
