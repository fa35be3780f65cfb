using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Builds the claims Graph reads from a v1 access token, for apps and for signed-in users.</summary>
public sealed class TokenFactory(TokenSigner signer)
{
    public const string GraphAudience = "https://graph.microsoft.com";

    public string AppToken(
        string tenantId, string appId, string displayName, string objectId, IEnumerable<string> roles, int expiresInSeconds = 3600)
    {
        var claims = Base(tenantId, objectId, expiresInSeconds);
        claims["appid"] = appId;
        claims["app_displayname"] = displayName;
        claims["idtyp"] = "app";
        claims["roles"] = new JsonArray(roles.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        return signer.Sign(claims);
    }

    public string UserToken(
        string tenantId,
        string userId,
        string upn,
        string name,
        IEnumerable<string> scopes,
        string appId,
        int expiresInSeconds = 3600)
    {
        var claims = Base(tenantId, userId, expiresInSeconds);
        claims["scp"] = string.Join(' ', scopes);
        claims["upn"] = upn;
        claims["unique_name"] = upn;
        claims["name"] = name;
        claims["idtyp"] = "user";
        claims["appid"] = appId;
        return signer.Sign(claims);
    }

    /// <summary>MSAL builds its account from the id_token; it does not verify the signature.</summary>
    public string IdToken(string issuerBase, string tenantId, string userId, string upn, string name, string clientId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return signer.SignIdToken(new JsonObject
        {
            ["aud"] = clientId,
            ["iss"] = issuerBase + "/" + tenantId + "/v2.0",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["name"] = name,
            ["oid"] = userId,
            ["preferred_username"] = upn,
            ["sub"] = userId,
            ["tid"] = tenantId,
            ["ver"] = "2.0",
        });
    }

    /// <summary>A stable object id for an app's service principal in a tenant (fixtures need not list one).</summary>
    public static string StableGuid(string seed) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes(seed))).ToString();

    private static JsonObject Base(string tenantId, string objectId, int expiresInSeconds)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = now + expiresInSeconds;
        return new JsonObject
        {
            ["aud"] = GraphAudience,
            ["iss"] = $"https://sts.windows.net/{tenantId}/",
            ["iat"] = Math.Min(now, exp - 60),
            ["nbf"] = Math.Min(now, exp - 60),
            ["exp"] = exp,
            ["tid"] = tenantId,
            ["oid"] = objectId,
            ["sub"] = objectId,
            ["ver"] = "1.0",
        };
    }
}
