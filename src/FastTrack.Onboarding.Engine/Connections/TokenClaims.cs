using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// The claims of an Entra access token that say who and what: decoded, never validated (Graph
    /// validates the signature). Only these values are kept; the token string is not.
    /// </summary>
    public sealed record TokenClaims
    {
        public string? TenantId { get; init; }
        public string? ObjectId { get; init; }
        public string? AppId { get; init; }
        public string? AppDisplayName { get; init; }
        public string? UserPrincipalName { get; init; }
        public IReadOnlyList<string> Roles { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();
        public DateTimeOffset? ExpiresOn { get; init; }
        public string? Audience { get; init; }

        public bool IsDelegated => Scopes.Count > 0 || UserPrincipalName != null;

        public static TokenClaims Decode(string token)
        {
            var parts = token.Split('.');
            if (parts.Length != 3 || parts[1].Length == 0)
            {
                throw Malformed("it does not have the three dot-separated parts of a JWT");
            }

            JsonDocument payload;
            try
            {
                payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            }
            catch (Exception e) when (e is FormatException || e is JsonException || e is ArgumentException)
            {
                throw Malformed("its payload is not base64url-encoded JSON");
            }

            using (payload)
            {
                try
                {
                    return Read(payload.RootElement);
                }
                catch (Exception e) when (e is FormatException || e is ArgumentOutOfRangeException || e is InvalidOperationException)
                {
                    // A claim of the wrong shape: exp not a whole number of seconds in range, text that is not valid UTF-8.
                    throw Malformed("one of its claims is not what Entra ID issues (" + e.GetType().Name + ")");
                }
            }
        }

        private static TokenClaims Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("its payload is not a JSON object");
            }

            return new TokenClaims
            {
                TenantId = String(root, "tid"),
                ObjectId = String(root, "oid"),
                AppId = String(root, "appid") ?? String(root, "azp"),
                AppDisplayName = String(root, "app_displayname"),
                UserPrincipalName = String(root, "upn") ?? String(root, "unique_name") ?? String(root, "preferred_username"),
                Roles = StringArray(root, "roles"),
                Scopes = (String(root, "scp") ?? string.Empty).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries),
                ExpiresOn = root.TryGetProperty("exp", out var exp) && exp.ValueKind == JsonValueKind.Number
                    ? DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64())
                    : (DateTimeOffset?)null,
                Audience = String(root, "aud"),
            };
        }

        private static FastTrackException Malformed(string why) =>
            new FastTrackException(ErrorIds.AccessTokenMalformed, FailureKind.InvalidArgument,
                $"The access token cannot be read: {why}.",
                "Pass the access token exactly as issued by Entra ID for Microsoft Graph (a JWT), "
                    + "for example from Get-AzAccessToken -ResourceTypeName MSGraph -AsSecureString.");

        private static string? String(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static IReadOnlyList<string> StringArray(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
                : System.Array.Empty<string>();

        private static byte[] Base64UrlDecode(string text)
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            switch (padded.Length % 4)
            {
                case 2: padded += "=="; break;
                case 3: padded += "="; break;
                case 1: throw new FormatException("Invalid base64url length.");
            }

            return Convert.FromBase64String(padded);
        }

        internal static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
    }
}
