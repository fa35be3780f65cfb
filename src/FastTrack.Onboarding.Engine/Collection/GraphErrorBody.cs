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
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                return (code, message ?? fallback);
            }

            return (null, fallback);
        }
    }
}
