using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Mints and validates the emulator's access tokens: JWT, HS256, a key that lives for one run.</summary>
public sealed class TokenSigner
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Sign(JsonObject claims) => SignWith(claims, new JsonObject { ["typ"] = "JWT", ["alg"] = "HS256" }, _key);

    /// <summary>id_tokens need not be verifiable by MSAL, but they must be well-formed JWTs.</summary>
    public string SignIdToken(JsonObject claims) => Sign(claims);

    private static string SignWith(JsonObject claims, JsonObject header, byte[] key)
    {
        var head = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString()));
        var body = Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var sig = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(head + "." + body));
        return head + "." + body + "." + Base64Url(sig);
    }

    /// <summary>Returns the claims, or null with a Graph-like reason.</summary>
    public JsonObject? Validate(string token, out string? failure)
    {
        failure = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            failure = "IDX14100: JWT is not well formed, there are no dots (.).";
            return null;
        }
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        byte[] actual;
        try { actual = FromBase64Url(parts[2]); }
        catch (FormatException) { actual = []; }
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            failure = "Signature validation failed.";
            return null;
        }
        var claims = JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject;
        if (claims is null)
        {
            failure = "Invalid token.";
            return null;
        }
        var exp = claims["exp"]?.GetValue<long>() ?? 0;
        if (exp <= DateTimeOffset.UtcNow.ToUnixTimeSeconds())
        {
            failure = "Lifetime validation failed, the token is expired.";
            return null;
        }
        return claims;
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string s)
    {
        var t = s.Replace('-', '+').Replace('_', '/');
        t += (t.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad base64url") };
        return Convert.FromBase64String(t);
    }

    /// <summary>Reads a JWT's payload without verifying it (for client assertions, checked separately).</summary>
    public static JsonObject? ReadPart(string token, int index)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try { return JsonNode.Parse(FromBase64Url(parts[index])) as JsonObject; }
        catch (Exception e) when (e is FormatException or JsonException) { return null; }
    }
}
