using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// Schema-versioned JSON: <c>$schema</c> and <c>schemaVersion</c> first, then the same content
    /// the other formats show. The shape is fixed by Schema/assessment-report.schema.json (shipped
    /// in the module's schemas folder); a change that breaks a reader raises <see cref="SchemaVersion"/>.
    /// </summary>
    public sealed class JsonReportWriter : IReportWriter
    {
        public const int SchemaVersion = 1;
        public const string SchemaId = "urn:fasttrack-onboarding:schema:assessment-report:1";

        private static readonly JsonSerializerOptions FigureOptions = new JsonSerializerOptions { Encoder = Encoder() };

        public void Write(ReportContent content, Stream stream)
        {
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Encoder() }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", SchemaId);
                json.WriteNumber("schemaVersion", SchemaVersion);
                json.WriteString("generatedOn", content.Input.GeneratedOn);
                json.WriteStartObject("generator");
                json.WriteString("name", "FastTrack.Onboarding");
                json.WriteString("version", content.Input.GeneratorVersion);
                json.WriteEndObject();

                var a = content.Assessment;
                if (a is null)
                {
                    json.WriteNull("assessment");
                }
                else
                {
                    Assessment(json, content, a);
                }

                json.WriteStartArray("dns");
                foreach (var d in content.Dns)
                {
                    json.WriteStartObject();
                    json.WriteString("domain", d.Domain);
                    json.WriteString("recordType", d.RecordType);
                    json.WriteString("label", d.Label);
                    json.WriteString("expected", d.Expected);
                    json.WriteString("found", d.Found);
                    json.WriteString("status", d.Status);
                    json.WriteString("service", d.Service);
                    json.WriteString("detail", d.Detail);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                JsonConnectivity.Write(json, content.Connectivity);
                JsonHistory.Write(json, content.Input.History);

                json.WriteStartObject("checklist");
                json.WriteBoolean("derived", content.ChecklistDerived);
                json.WriteStartArray("tasks");
                foreach (var t in content.Checklist)
                {
                    json.WriteStartObject();
                    json.WriteNumber("order", t.Order);
                    json.WriteString("id", t.Id);
                    json.WriteString("checkId", t.CheckId);
                    json.WriteString("title", t.Title);
                    json.WriteString("phase", t.Phase);
                    json.WriteString("priority", t.Priority);
                    json.WriteString("owner", t.Owner);
                    json.WriteString("effort", t.Effort);
                    json.WriteString("status", t.Status);
                    Strings(json, "dependsOn", t.DependsOn);
                    Date(json, "startDate", t.StartDate);
                    Date(json, "dueDate", t.DueDate);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }

        private static void Assessment(Utf8JsonWriter json, ReportContent content, AssessmentReport a)
        {
            json.WriteStartObject("assessment");
            json.WriteNumber("assessmentSchemaVersion", a.SchemaVersion);
            json.WriteStartObject("tenant");
            json.WriteString("id", a.TenantId);
            json.WriteString("name", a.TenantName);
            json.WriteString("initialDomain", a.InitialDomain);
            json.WriteEndObject();
            json.WriteStartObject("run");
            json.WriteString("startedOn", a.StartedOn);
            json.WriteString("completedOn", a.CompletedOn);
            json.WriteString("source", a.Source);
            json.WriteNumber("graphRequests", a.GraphRequests);
            Strings(json, "phases", a.Phases.Select(p => p.ToString()));
            Strings(json, "services", a.Services.Select(s => s.ToString()));
            json.WriteEndObject();

            json.WriteStartObject("summary");
            json.WriteNumber("total", content.Results.Count);
            StatusCounts(json, "byStatus", content.StatusCounts);
            json.WriteStartObject("byPhase");
            foreach (var p in content.ByPhase)
            {
                StatusCounts(json, p.Key, p.Value);
            }

            json.WriteEndObject();
            json.WriteStartObject("byService");
            foreach (var s in content.ByService)
            {
                StatusCounts(json, s.Key, s.Value);
            }

            json.WriteEndObject();
            json.WriteStartObject("coverage");
            json.WriteNumber("total", a.Coverage.Total);
            json.WriteNumber("assessed", a.Coverage.Assessed);
            json.WriteNumber("notAssessed", a.Coverage.NotAssessed);
            json.WriteStartObject("notAssessedByReason");
            foreach (var r in a.Coverage.NotAssessedByReason)
            {
                json.WriteNumber(r.Key, r.Value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var r in content.Results)
            {
                json.WriteStartObject();
                json.WriteString("checkId", r.CheckId);
                json.WriteString("title", r.Title);
                json.WriteString("phase", r.Phase.ToString());
                json.WriteString("service", r.Service.ToString());
                json.WriteString("area", r.Area);
                json.WriteString("status", r.Status.ToString());
                json.WriteString("reason", r.Reason.ToString());
                json.WriteString("evidence", r.Evidence);
                json.WriteString("remediation", r.Remediation);
                json.WriteString("learnMoreUrl", r.LearnMoreUrl);
                json.WriteString("missingPermission", r.MissingPermission);
                json.WriteString("missingLicense", r.MissingLicense);
                json.WriteString("guidance", r.Guidance);
                json.WriteBoolean("isPreview", r.IsPreview);
                Strings(json, "dataSources", r.DataSources);
                JsonAcceptance.Write(json, r.Acceptance);
                json.WriteStartObject("figures");
                foreach (var f in r.Figures)
                {
                    json.WritePropertyName(f.Key);
                    if (f.Value is null)
                    {
                        json.WriteNullValue();
                    }
                    else
                    {
                        JsonSerializer.Serialize(json, f.Value, f.Value.GetType(), FigureOptions);
                    }
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("datasets");
            foreach (var d in a.Datasets)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("request", d.Request);
                json.WriteBoolean("collected", d.Collected);
                if (d.ItemCount.HasValue)
                {
                    json.WriteNumber("itemCount", d.ItemCount.Value);
                }
                else
                {
                    json.WriteNull("itemCount");
                }

                json.WriteString("reason", d.Reason.ToString());
                json.WriteString("detail", d.Detail);
                json.WriteString("missingPermission", d.MissingPermission);
                json.WriteString("missingLicense", d.MissingLicense);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void StatusCounts(Utf8JsonWriter json, string name, IReadOnlyList<int> counts)
        {
            json.WriteStartObject(name);
            for (var i = 0; i < StatusPalette.Order.Count; i++)
            {
                json.WriteNumber(StatusPalette.Order[i].ToString(), counts[i]);
            }

            json.WriteEndObject();
        }

        internal static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
        {
            json.WriteStartArray(name);
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        private static void Date(Utf8JsonWriter json, string name, DateTimeOffset? value)
        {
            if (value.HasValue)
            {
                json.WriteString(name, value.Value);
            }
            else
            {
                json.WriteNull(name);
            }
        }

        /// <summary>Readable non-ASCII, but &lt; &gt; &amp; ' still escaped: the JSON may be pasted into a page.</summary>
        internal static JavaScriptEncoder Encoder() => JavaScriptEncoder.Create(UnicodeRanges.All);
    }
}
