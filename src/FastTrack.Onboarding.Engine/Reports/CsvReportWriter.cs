using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// One table for spreadsheets: a row per check, then per DNS record and per connectivity probe
    /// (the Section column tells them apart). RFC 4180 with CRLF, UTF-8 with a byte order mark so
    /// Excel reads accents right, every cell through <see cref="CsvText.Field"/> (formula injection
    /// neutralised).
    /// </summary>
    public sealed class CsvReportWriter : IReportWriter
    {
        public static readonly IReadOnlyList<string> Columns = new[]
        {
            "Section", "Id", "Title", "Phase", "Service", "Area", "Status", "Reason", "Evidence", "Remediation",
            "LearnMoreUrl", "MissingPermission", "MissingLicense", "IsPreview", "DataSources", "Figures",
        };

        public void Write(ReportContent content, Stream stream)
        {
            using (var writer = new StreamWriter(stream, new UTF8Encoding(true), 64 * 1024, leaveOpen: true))
            {
                writer.Write(CsvText.Line(Columns));
                foreach (var r in content.Results)
                {
                    writer.Write(CsvText.Line(new[]
                    {
                        "Check", r.CheckId, r.Title, r.Phase.ToString(), r.Service.ToString(), r.Area, r.Status.ToString(),
                        r.Reason.ToString(), r.Evidence, r.Remediation, r.LearnMoreUrl, r.MissingPermission, r.MissingLicense,
                        r.IsPreview ? "true" : "false", string.Join("; ", r.DataSources),
                        string.Join("; ", FigureText.Lines(r.Figures).Select(f => f.Key + ": " + f.Value)),
                    }));
                }

                foreach (var d in content.Dns)
                {
                    writer.Write(CsvText.Line(new[]
                    {
                        "Dns", $"{d.Domain} {d.RecordType} {d.Label}", d.Label, null, d.Service, d.RecordType, d.Status, null,
                        $"Expected: {d.Expected ?? "—"}; found: {d.Found ?? "—"}"
                            + (string.IsNullOrEmpty(d.Detail) ? string.Empty : "; " + d.Detail),
                        null, null, null, null, "false", d.Domain, null,
                    }));
                }

                foreach (var p in content.Connectivity?.Results ?? System.Array.Empty<Model.Connectivity.ConnectivityProbeResult>())
                {
                    writer.Write(CsvText.Line(new[]
                    {
                        "Connectivity", $"{p.Host}:{p.Port}/{p.Protocol}", p.UrlPattern, null, p.ServiceArea, p.Category.ToString(),
                        p.Status.ToString(), p.FailedStage.ToString(),
                        p.Detail, null, null, null, null, "false", string.Join("; ", p.Addresses), p.Required ? "Required" : "Optional",
                    }));
                }
            }
        }
    }
}
