using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// The Entra ID v2 token endpoint (served over https because MSAL requires it): client
/// credentials with a secret or a certificate assertion, device code, refresh token, and the
/// OpenID metadata documents. Errors carry the AADSTS codes clients map to messages.
/// </summary>
public sealed class EntraTokenService(EmulatorState state)
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";
    private readonly TokenFactory _tokens = new(state.Signer);
    private readonly Dictionary<string, (string TenantId, DelegatedUser User, string ClientId, string Scope)> _refreshTokens = new();

    /// <summary>Handles "/{tenant}/..." on the https endpoint; null when the path is not an Entra one.</summary>
    public GraphResponse? Handle(
        string method, string path, IReadOnlyDictionary<string, string> form, string issuerBase, string? correlationId)
    {
        var segs = path.Trim('/').Split('/');
        if (segs.Length < 2) return null;
        var tenantSegment = segs[0];
        var rest = string.Join('/', segs[1..]);

        var known = rest is "v2.0/.well-known/openid-configuration" or ".well-known/openid-configuration" or "oauth2/v2.0/token"
            or "oauth2/token" or "oauth2/v2.0/devicecode";
        if (!known) return null;
        var tenant = state.FindTenant(tenantSegment);
        if (tenant is null)
            return EntraError.Create(400, "invalid_request", 90002,
                $"Tenant '{tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the "
                    + "correct cloud. Check with your subscription administrator, this may happen if there are no active "
                    + "subscriptions for the tenant.",
                correlationId);

        if (method == "GET" && rest.EndsWith("openid-configuration", StringComparison.Ordinal))
            return OpenIdConfiguration(issuerBase, tenant, rest.StartsWith("v2.0", StringComparison.Ordinal));
        if (method != "POST") return null;

        state.Log.AddTokenRequest();
        if (rest == "oauth2/v2.0/devicecode") return DeviceCode(tenant, form, correlationId);

        var grant = form.GetValueOrDefault("grant_type");
        return grant switch
        {
            "client_credentials" => ClientCredentials(tenant, tenantSegment, form, issuerBase, correlationId),
            DeviceCodeGrant or "device_code" => DeviceCodePoll(tenant, form, issuerBase, correlationId),
            "refresh_token" => Refresh(tenant, form, issuerBase, correlationId),
            _ => EntraError.Create(
                400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grant}'.", correlationId),
        };
    }

    private GraphResponse ClientCredentials(
        TenantState tenant, string tenantSegment, IReadOnlyDictionary<string, string> form, string issuerBase, string? correlationId)
    {
        var clientId = form.GetValueOrDefault("client_id") ?? "";
        var assertion = form.GetValueOrDefault("client_assertion");
        if (string.IsNullOrEmpty(clientId) && assertion is not null)
            clientId = TokenSigner.ReadPart(assertion, 1)?["sub"]?.ToString() ?? "";
        var client = tenant.Clients.FirstOrDefault(c => string.Equals(c.ClientId, clientId, StringComparison.OrdinalIgnoreCase));
        if (client is null)
            return EntraError.Create(400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{tenant.DisplayName}'. This can happen "
                    + "if the application has not been installed by the administrator of the tenant or consented to by any user in "
                    + "the tenant. You may have sent your authentication request to the wrong tenant.",
                correlationId);

        if (form.TryGetValue("client_secret", out var secret))
        {
            if (client.Secret is null
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(client.Secret)))
                return EntraError.Create(401, "invalid_client", 7000215,
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the "
                        + $"client secret ID, for a secret added to app '{client.ClientId}'.",
                    correlationId);
        }
        else if (assertion is not null)
        {
            if (form.GetValueOrDefault("client_assertion_type") != JwtBearer)
                return EntraError.Create(
                    400, "invalid_request", 900023, "Specified client_assertion_type is not supported.", correlationId);
            var failure = ValidateAssertion(assertion, client, tenant, tenantSegment, issuerBase);
            if (failure is not null) return EntraError.Create(401, "invalid_client", 700027, failure, correlationId);
        }
        else
        {
            return EntraError.Create(
                401,
                "invalid_client",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
                correlationId);
        }

        var objectId = TokenFactory.StableGuid(tenant.Id + "/" + client.ClientId);
        var token = _tokens.AppToken(tenant.Id, client.ClientId, client.DisplayName, objectId, client.Roles);
        return Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3599,
            ["ext_expires_in"] = 3599,
            ["access_token"] = token,
        });
    }

    /// <summary>Checks a client assertion the way Entra does: registered certificate by thumbprint, signature, aud/iss/sub/exp.</summary>
    private static string? ValidateAssertion(
        string assertion, ClientRegistration client, TenantState tenant, string tenantSegment, string issuerBase)
    {
        var parts = assertion.Split('.');
        var header = TokenSigner.ReadPart(assertion, 0);
        var payload = TokenSigner.ReadPart(assertion, 1);
        if (header is null || payload is null) return "Client assertion is not a valid JWT.";
        var alg = header["alg"]?.ToString();
        if (alg is not ("RS256" or "PS256")) return $"Client assertion uses unsupported algorithm '{alg}'.";

        X509Certificate2? cert = null;
        if (header["x5t#S256"]?.ToString() is string s256)
            cert = client.Certificates.FirstOrDefault(c => TokenSigner.Base64Url(c.GetCertHash(HashAlgorithmName.SHA256)) == s256);
        else if (header["x5t"]?.ToString() is string x5t)
            cert = client.Certificates.FirstOrDefault(c => TokenSigner.Base64Url(c.GetCertHash(HashAlgorithmName.SHA1)) == x5t);
        if (cert is null)
            return "The certificate with identifier used to sign the client assertion is not registered on application. "
                + $"[Reason - The key was not found., Thumbprint of key used by client: '{header["x5t#S256"] ?? header["x5t"]}']";

        using var rsa = cert.GetRSAPublicKey();
        if (rsa is null) return "The registered certificate has no RSA key.";
        byte[] signature;
        try { signature = TokenSigner.FromBase64Url(parts[2]); }
        catch (FormatException) { return "Client assertion failed signature validation."; }
        var padding = alg == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        if (!rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, padding))
            return "Client assertion failed signature validation.";

        var aud = payload["aud"]?.ToString()?.TrimEnd('/') ?? "";
        var accepted = new[] { tenantSegment, tenant.Id, tenant.InitialDomain }
            .SelectMany(t => new[]
            {
                $"{issuerBase}/{t}/oauth2/v2.0/token",
                $"{issuerBase}/{t}/oauth2/token",
                $"{issuerBase}/{t}/v2.0",
                $"{issuerBase}/{t}",
            });
        if (!accepted.Any(a => string.Equals(a, aud, StringComparison.OrdinalIgnoreCase)))
            return $"Client assertion contains an invalid audience '{aud}'.";
        if (!string.Equals(payload["iss"]?.ToString(), client.ClientId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(payload["sub"]?.ToString(), client.ClientId, StringComparison.OrdinalIgnoreCase))
            return "Client assertion iss and sub must be the client id.";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = long.TryParse(payload["exp"]?.ToString(), out var ev) ? ev : 0;
        if (exp <= now) return $"Client assertion is expired (exp {payload["exp"]}).";
        if (long.TryParse(payload["nbf"]?.ToString(), out var nbf) && nbf > now + 300) return "Client assertion is not yet valid.";
        return null;
    }

    private GraphResponse DeviceCode(TenantState tenant, IReadOnlyDictionary<string, string> form, string? correlationId)
    {
        var clientId = form.GetValueOrDefault("client_id");
        if (string.IsNullOrEmpty(clientId))
            return EntraError.Create(
                400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.", correlationId);
        var session = state.DeviceCodes.Create(tenant.Id, clientId, form.GetValueOrDefault("scope") ?? "");
        const string Uri = "https://microsoft.com/devicelogin";
        return Json(new JsonObject
        {
            ["user_code"] = session.UserCode,
            ["device_code"] = session.DeviceCode,
            ["verification_uri"] = Uri,
            ["expires_in"] = 900,
            ["interval"] = 1,
            ["message"] = $"To sign in, use a web browser to open the page {Uri} and enter the code {session.UserCode} to authenticate.",
        });
    }

    private GraphResponse DeviceCodePoll(
        TenantState tenant, IReadOnlyDictionary<string, string> form, string issuerBase, string? correlationId)
    {
        var session = state.DeviceCodes.Find(form.GetValueOrDefault("device_code") ?? form.GetValueOrDefault("code") ?? "");
        if (session is null || session.TenantId != tenant.Id)
            return EntraError.Create(400, "invalid_grant", 70000, "Provided grant is invalid or malformed.", correlationId);
        if (session.Polls++ == 0)
            return EntraError.Create(
                400,
                "authorization_pending",
                70016,
                "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
                correlationId);
        state.DeviceCodes.Remove(session.DeviceCode);
        switch (tenant.DeviceCodeMode)
        {
            case DeviceCodeMode.Deny:
                return EntraError.Create(400, "authorization_declined", 70000, "The user denied the authorization request.", correlationId);
            case DeviceCodeMode.Expire:
                return EntraError.Create(400, "expired_token", 70019, "Verification code expired.", correlationId);
        }
        var user = tenant.Users.FirstOrDefault(u => u.PublicClientIds.Contains(session.ClientId, StringComparer.OrdinalIgnoreCase))
            ?? tenant.Users.FirstOrDefault();
        if (user is null)
            return EntraError.Create(400, "invalid_grant", 50034, "The user account does not exist in the directory.", correlationId);
        return UserTokens(tenant, user, session.ClientId, session.Scope, issuerBase);
    }

    private GraphResponse Refresh(TenantState tenant, IReadOnlyDictionary<string, string> form, string issuerBase, string? correlationId)
    {
        (string TenantId, DelegatedUser User, string ClientId, string Scope) entry;
        lock (_refreshTokens)
        {
            if (!_refreshTokens.TryGetValue(form.GetValueOrDefault("refresh_token") ?? "", out entry) || entry.TenantId != tenant.Id)
                return EntraError.Create(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.", correlationId);
        }
        return UserTokens(tenant, entry.User, entry.ClientId, form.GetValueOrDefault("scope") ?? entry.Scope, issuerBase);
    }

    private GraphResponse UserTokens(TenantState tenant, DelegatedUser user, string clientId, string scope, string issuerBase)
    {
        var refresh = "ftemu-rt-" + Guid.NewGuid().ToString("N");
        lock (_refreshTokens) _refreshTokens[refresh] = (tenant.Id, user, clientId, scope);
        var clientInfo = TokenSigner.Base64Url(
            Encoding.UTF8.GetBytes(new JsonObject { ["uid"] = user.Id, ["utid"] = tenant.Id }.ToJsonString()));
        var resourceScopes = string.Join(' ', scope
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not ("openid" or "profile" or "offline_access")));
        return Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = resourceScopes,
            ["expires_in"] = 3599,
            ["ext_expires_in"] = 3599,
            ["access_token"] = _tokens.UserToken(tenant.Id, user.Id, user.UserPrincipalName, user.DisplayName, user.Scopes, clientId),
            ["refresh_token"] = refresh,
            ["id_token"] = _tokens.IdToken(issuerBase, tenant.Id, user.Id, user.UserPrincipalName, user.DisplayName, clientId),
            ["client_info"] = clientInfo,
        });
    }

    private static GraphResponse OpenIdConfiguration(string issuerBase, TenantState tenant, bool v2)
    {
        var root = issuerBase + "/" + tenant.Id;
        var suffix = v2 ? "/v2.0" : "";
        return Json(new JsonObject
        {
            ["token_endpoint"] = root + (v2 ? "/oauth2/v2.0/token" : "/oauth2/token"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
            ["jwks_uri"] = root + "/discovery" + (v2 ? "/v2.0" : "") + "/keys",
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["issuer"] = root + suffix,
            ["authorization_endpoint"] = root + (v2 ? "/oauth2/v2.0/authorize" : "/oauth2/authorize"),
            ["device_authorization_endpoint"] = root + (v2 ? "/oauth2/v2.0/devicecode" : "/oauth2/devicecode"),
            ["end_session_endpoint"] = root + (v2 ? "/oauth2/v2.0/logout" : "/oauth2/logout"),
            ["tenant_region_scope"] = "EU",
            ["cloud_instance_name"] = "microsoftonline.com",
        });
    }

    private static GraphResponse Json(JsonObject o) =>
        new(200, JsonSerializer.SerializeToUtf8Bytes(o), "application/json; charset=utf-8");
}
