using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.GraphEmulator.Teams;

/// <summary>
/// What a Teams webhook accepts: {"type":"message","attachments":[{"contentType":
/// "application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.x" (Teams
/// renders up to 1.5),"body":[…]}}]}, body elements of known types with their required properties
/// (TextBlock text, FactSet facts of title/value), at most 28 KB. Null when valid; else why, as the 400 text.
/// </summary>
public static partial class AdaptiveCardValidator
{
    public const int MaxMessageBytes = 28 * 1024;
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "TextBlock", "FactSet", "Container", "ColumnSet", "Image", "ImageSet", "ActionSet", "RichTextBlock", "Table", "Media",
    };

    [GeneratedRegex(@"^1\.[0-5]$")]
    private static partial Regex SupportedVersion();

    public static string? Validate(byte[] payload)
    {
        if (payload.Length > MaxMessageBytes) return $"Message size {payload.Length} bytes is over the 28 KB limit.";
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(payload) as JsonObject;
        }
        catch (JsonException e)
        {
            return "Bad payload: the body is not JSON (" + e.Message + ").";
        }
        if (message is null) return "Bad payload: a JSON object is expected.";
        if (message["type"]?.ToString() != "message") return "Bad payload: 'type' must be 'message'.";
        if (message["attachments"] is not JsonArray attachments || attachments.Count == 0)
            return "Bad payload: 'attachments' must hold at least one card.";
        foreach (var attachment in attachments)
        {
            if (attachment?["contentType"]?.ToString() != CardContentType)
                return $"Bad payload: attachment contentType must be '{CardContentType}'.";
            if (attachment["content"] is not JsonObject card) return "Bad payload: the attachment has no 'content' card.";
            if (Card(card) is { } problem) return problem;
        }
        return null;
    }

    private static string? Card(JsonObject card)
    {
        if (card["type"]?.ToString() != "AdaptiveCard") return "Card type must be AdaptiveCard.";
        var version = card["version"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (version is null || !SupportedVersion().IsMatch(version))
            return $"Card version '{version}' is missing or not one Teams renders (1.0 to 1.5).";
        if (card["body"] is not JsonArray body || body.Count == 0) return "Card body must be a non-empty array.";
        foreach (var element in body)
        {
            var type = element?["type"]?.ToString();
            if (type is null || !Elements.Contains(type)) return $"Unknown card element type '{type}'.";
            if (type == "TextBlock" && element!["text"] is not JsonValue) return "A TextBlock needs 'text'.";
            if (type == "FactSet")
            {
                if (element!["facts"] is not JsonArray facts) return "A FactSet needs 'facts'.";
                foreach (var fact in facts)
                    if (fact?["title"] is not JsonValue || fact["value"] is not JsonValue) return "Every fact needs 'title' and 'value'.";
            }
        }
        return null;
    }
}
