using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>
    /// The Teams message for a summary: {"type":"message","attachments":[{"contentType":
    /// "application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{AdaptiveCard 1.4}}]}, the
    /// shape incoming webhooks and the Workflows "post to a channel when a webhook request is received"
    /// template accept. Version 1.4 because Teams renders at most 1.5 and Workflows' card action 1.4.
    /// The whole message is kept under Teams' 28 KB message limit by naming fewer items.
    /// </summary>
    public static class AdaptiveCardBuilder
    {
        public const string CardContentType = "application/vnd.microsoft.card.adaptive";
        public const string CardVersion = "1.4";
        public const string CardSchema = "http://adaptivecards.io/schemas/adaptive-card.json";

        /// <summary>Teams refuses a webhook message over 28 KB; a margin stays for the receiver's own envelope.</summary>
        public const int MaxMessageBytes = 27 * 1024;

        private const int MaxTextLength = 300;

        public static byte[] Build(ReportSummary summary)
        {
            // Drop items from the end until the message fits; the "more" line keeps the count honest.
            for (var keep = summary.TopItems.Count; ; keep--)
            {
                var trimmed = summary with
                {
                    TopItems = summary.TopItems.Take(keep).ToList(),
                    MoreItems = summary.MoreItems + summary.TopItems.Count - keep,
                };
                var bytes = Write(trimmed);
                if (bytes.Length <= MaxMessageBytes || keep == 0) return bytes;
            }
        }

        private static byte[] Write(ReportSummary s)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("type", "message");
                w.WriteStartArray("attachments");
                w.WriteStartObject();
                w.WriteString("contentType", CardContentType);
                w.WriteNull("contentUrl");
                w.WriteStartObject("content");
                w.WriteString("$schema", CardSchema);
                w.WriteString("type", "AdaptiveCard");
                w.WriteString("version", CardVersion);
                w.WriteStartArray("body");
                Text(w, s.Title, size: "Large", weight: "Bolder");
                Text(
                    w,
                    $"Tenant {s.TenantLabel} ({s.TenantId}), "
                        + $"assessed {s.AssessedOn.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, "
                        + $"{s.TotalItems} items",
                    subtle: true);
                Facts(w, s.StatusCounts.Select(c =>
                    new KeyValuePair<string, string>(c.Key.ToString(), c.Value.ToString(CultureInfo.InvariantCulture))));
                if (s.TopItems.Count > 0 || s.MoreItems > 0)
                {
                    Text(w, "Open items", weight: "Bolder", separator: true);
                    foreach (var item in s.TopItems)
                    {
                        Text(w, $"{item.Status}: {item.CheckId} {Cut(item.Title)}", weight: "Bolder");
                        if (!string.IsNullOrWhiteSpace(item.Remediation)) Text(w, Cut(item.Remediation), subtle: true);
                    }

                    if (s.MoreItems > 0) Text(w, $"…and {s.MoreItems} more open items in the attached or exported report.", subtle: true);
                }

                foreach (var section in s.Sections)
                {
                    Text(w, section.Title, weight: "Bolder", separator: true);
                    Facts(w, section.Facts);
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static void Text(
            Utf8JsonWriter w,
            string text,
            string? size = null,
            string? weight = null,
            bool subtle = false,
            bool separator = false)
        {
            w.WriteStartObject();
            w.WriteString("type", "TextBlock");
            w.WriteString("text", text);
            w.WriteBoolean("wrap", true);
            if (size != null) w.WriteString("size", size);
            if (weight != null) w.WriteString("weight", weight);
            if (subtle) w.WriteBoolean("isSubtle", true);
            if (separator) w.WriteBoolean("separator", true);
            w.WriteEndObject();
        }

        private static void Facts(Utf8JsonWriter w, IEnumerable<KeyValuePair<string, string>> facts)
        {
            w.WriteStartObject();
            w.WriteString("type", "FactSet");
            w.WriteStartArray("facts");
            foreach (var fact in facts)
            {
                w.WriteStartObject();
                w.WriteString("title", Cut(fact.Key));
                w.WriteString("value", Cut(fact.Value));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static string Cut(string text) => text.Length <= MaxTextLength ? text : text.Substring(0, MaxTextLength - 1) + "…";
    }
}
