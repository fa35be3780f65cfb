using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Graph;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// Signs in, decodes who and what the token is for, and reads the organization so that a
    /// connection that "works" has really reached the tenant.
    /// </summary>
    public static class TenantConnector
    {
        public static async Task<TenantSession> ConnectAsync(ConnectionRequest request, IEngineLog log, CancellationToken cancellationToken)
        {
            var cloud = CloudEndpoints.For(request.Environment);
            string? droppedVersion = null;
            var graphRoot = request.GraphEndpoint is null
                ? cloud.GraphRoot
                : EndpointValidator.ValidateGraphRoot(request.GraphEndpoint, out droppedVersion);
            if (droppedVersion != null)
            {
                log.Verbose(
                    $"-GraphEndpoint ended in the API version '/{droppedVersion}'; "
                        + $"using its root {graphRoot} (the module picks v1.0 or beta per request).");
            }

            var authorityHost = request.AuthorityHost is null
                ? cloud.AuthorityHost
                : EndpointValidator.Validate(request.AuthorityHost, "AuthorityHost");
            var normalized = request with
            {
                TenantId = request.TenantId is null ? null : TenantIdValidator.Validate(request.TenantId),
            };

            if (!normalized.InteractionAllowed
                && (normalized.Method == AuthenticationMethod.InteractiveBrowser || normalized.Method == AuthenticationMethod.DeviceCode))
            {
                throw new FastTrackException(ErrorIds.InteractiveAuthenticationNotAllowed, FailureKind.InvalidOperation,
                    $"{normalized.Method} sign-in needs a person at the keyboard, and this session is non-interactive.",
                    "In runbooks and scheduled jobs connect with -Identity (managed identity), "
                        + "-CertificateThumbprint/-CertificateSubjectName/-Certificate/-CertificatePath, -ClientSecret or -AccessToken.");
            }

            using var timeout = new CancellationTokenSource(normalized.Timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            log.Verbose($"Signing in with {normalized.Method} to {cloud.Environment} (authority {authorityHost}, Graph {graphRoot}).");

            TokenCredential credential;
            TokenClaims claims;
            try
            {
                (credential, claims) = await AcquireAsync(normalized, cloud, authorityHost, log, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw TimedOut(normalized, authorityHost);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                throw AuthErrorTranslator.Translate(e, normalized, authorityHost);
            }

            var info = new ConnectionInfo
            {
                TenantId = claims.TenantId ?? normalized.TenantId ?? string.Empty,
                Environment = normalized.Environment,
                AuthMethod = normalized.Method,
                Account = claims.UserPrincipalName ?? claims.AppDisplayName ?? claims.AppId,
                ClientId = claims.AppId,
                ObjectId = claims.ObjectId,
                TokenType = claims.IsDelegated ? "Delegated" : "Application",
                Scopes = claims.Scopes,
                Roles = claims.Roles,
                ExpiresOn = claims.ExpiresOn,
                GraphEndpoint = graphRoot,
                AuthorityHost = authorityHost,
                ConnectedOn = DateTimeOffset.UtcNow,
            };
            log.Verbose(
                $"Signed in: tenant {info.TenantId}, {info.TokenType.ToLowerInvariant()} token for {info.Account}, "
                    + $"{info.Roles.Count} application and {info.Scopes.Count} delegated permissions, expires {info.ExpiresOn:u}.");

            var session = new TenantSession(info, credential, graphRoot, cloud.DefaultScope);
            try
            {
                session.Info = await OrganizationReader.ReadIntoAsync(session, log, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                session.Dispose();
                throw TimedOut(normalized, graphRoot);
            }
            catch
            {
                session.Dispose();
                throw;
            }

            return session;
        }

        private static async Task<(TokenCredential, TokenClaims)> AcquireAsync(
            ConnectionRequest request,
            CloudEndpoints cloud,
            Uri authorityHost,
            IEngineLog log,
            CancellationToken cancellationToken)
        {
            if (request.Method == AuthenticationMethod.AccessToken)
            {
                var plain = SecureStrings.ToPlainText(request.AccessToken!);
                var given = TokenClaims.Decode(plain.Trim());
                if (given.ExpiresOn is DateTimeOffset expiry && expiry <= DateTimeOffset.UtcNow)
                {
                    throw new FastTrackException(ErrorIds.AccessTokenExpired, FailureKind.AuthenticationError,
                        $"The access token expired at {expiry:u}.",
                        "Get a fresh token (for example Get-AzAccessToken -ResourceTypeName MSGraph -AsSecureString) and connect again.");
                }

                return (new StaticTokenCredential(request.AccessToken!, given.ExpiresOn ?? DateTimeOffset.UtcNow.AddHours(1)), given);
            }

            var credential = CredentialFactory.Create(request, cloud, authorityHost, log);
            var scopes = request.Scopes.Count > 0
                && (request.Method == AuthenticationMethod.DeviceCode || request.Method == AuthenticationMethod.InteractiveBrowser)
                ? request.Scopes.Select(s => s.Contains("://") ? s : cloud.GraphResource + "/" + s).ToArray()
                : new[] { cloud.DefaultScope };
            var token = await credential.GetTokenAsync(new TokenRequestContext(scopes, tenantId: request.TenantId), cancellationToken)
                .ConfigureAwait(false);
            return (credential, TokenClaims.Decode(token.Token));
        }

        private static FastTrackException TimedOut(ConnectionRequest request, Uri host) =>
            new FastTrackException(ErrorIds.ConnectTimeout, FailureKind.OperationTimeout,
                $"Connecting did not finish within {request.Timeout.TotalSeconds:0} s (waiting on {host}).",
                "Check the network path to the sign-in and Graph hosts, or raise -TimeoutSeconds.", targetObject: host);
    }
}
