using System.Text.Json;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>The connectivity part of the JSON report: the run, its summaries and every probe.</summary>
    internal static class JsonConnectivity
    {
        public static void Write(Utf8JsonWriter json, ConnectivityReport? report)
        {
            if (report is null)
            {
                json.WriteNull("connectivity");
                return;
            }

            json.WriteStartObject("connectivity");
            json.WriteString("startedOn", report.StartedUtc);
            json.WriteNumber("durationMs", report.DurationMs);
            json.WriteNumber("probeCount", report.ProbeCount);
            json.WriteBoolean("deadlineReached", report.DeadlineReached);
            json.WriteString("proxy", report.Proxy);
            json.WriteStartObject("catalog");
            json.WriteString("instance", report.Catalog.Instance.ToString());
            json.WriteString("version", report.Catalog.Version);
            json.WriteString("source", report.Catalog.Source.ToString());
            json.WriteEndObject();
            json.WriteStartArray("summaries");
            foreach (var s in report.Summaries)
            {
                json.WriteStartObject();
                json.WriteString("serviceArea", s.ServiceArea);
                json.WriteString("category", s.Category.ToString());
                json.WriteBoolean("required", s.Required);
                json.WriteNumber("probes", s.Probes);
                json.WriteNumber("reachable", s.Reachable);
                json.WriteNumber("failed", s.Refused + s.Timeout + s.DnsFailed + s.TlsIntercepted + s.TlsInvalid + s.Error);
                json.WriteNumber("notTested", s.NotTestable + s.NotTested);
                json.WriteString("verdict", s.Verdict.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("results");
            foreach (var p in report.Results)
            {
                json.WriteStartObject();
                json.WriteString("host", p.Host);
                json.WriteNumber("port", p.Port);
                json.WriteString("protocol", p.Protocol.ToString());
                json.WriteString("urlPattern", p.UrlPattern);
                json.WriteString("serviceArea", p.ServiceArea);
                json.WriteString("category", p.Category.ToString());
                json.WriteBoolean("required", p.Required);
                json.WriteString("status", p.Status.ToString());
                json.WriteString("failedStage", p.FailedStage.ToString());
                json.WriteString("detail", p.Detail);
                JsonReportWriter.Strings(json, "addresses", p.Addresses);
                json.WriteString("tlsIssuer", p.TlsIssuer);
                json.WriteString("route", p.Route.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }
}
