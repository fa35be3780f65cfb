using System.Globalization;
using System.Text.Json;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>A result's risk acceptance in the JSON report ("acceptance": null when the item is not accepted).</summary>
    internal static class JsonAcceptance
    {
        public static void Write(Utf8JsonWriter json, RiskAcceptance? acceptance)
        {
            if (acceptance == null)
            {
                json.WriteNull("acceptance");
                return;
            }

            json.WriteStartObject("acceptance");
            json.WriteString("reason", acceptance.Reason);
            json.WriteString("owner", acceptance.Owner);
            json.WriteString("expires", acceptance.Expires.ToString("o", CultureInfo.InvariantCulture));
            json.WriteString("acceptedOn", acceptance.AcceptedOn.ToString("o", CultureInfo.InvariantCulture));
            json.WriteString("source", acceptance.Source);
            json.WriteEndObject();
        }
    }
}
