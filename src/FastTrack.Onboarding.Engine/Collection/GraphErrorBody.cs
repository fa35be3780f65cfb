using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>Reads Graph's error envelope: {"error":{"code":"…","message":"…"}}.</summary>
    internal static class GraphErrorBody
    {
        public static (string? Code, string Message) Parse(string body, string fallback)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return (null, fallback);
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                return Parse(document.RootElement, fallback);
            }
            catch (JsonException)
            {
                return (null, fallback);
            }
        }

        public static (string? Code, string Message) Parse(JsonElement root, string fallback)
        {
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error)
                ? ParseError(error, fallback)
                : (null, fallback);
        }

        /// <summary>The inner {"code":"…","message":"…"} object.</summary>
        public static (string? Code, string Message) ParseError(JsonElement error, string fallback)
        {
            if (error.ValueKind != JsonValueKind.Object)
            {
                return (null, fallback);
            }

            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message ?? fallback);
        }
    }
}
