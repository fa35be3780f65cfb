using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// JUnit XML for CI pipelines (Azure DevOps, GitHub, GitLab, Jenkins read it): a test suite per
    /// phase with one test case per check. NotConfigured and Partial fail; NotAssessed is skipped
    /// (with its reason); Configured, Info and NotApplicable pass. DNS records (Missing/Mismatch
    /// fail, Error is a JUnit error) and connectivity summaries (Failed fails, NotTested skipped) get a suite each.
    /// </summary>
    public sealed class JUnitReportWriter : IReportWriter
    {
        public void Write(ReportContent content, Stream stream)
        {
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
            using (var xml = XmlWriter.Create(stream, settings))
            {
                var a = content.Assessment;
                xml.WriteStartDocument();
                xml.WriteStartElement("testsuites");
                xml.WriteAttributeString("name", XmlText.Clean("FastTrack onboarding — " + content.TenantLabel));
                var failures = content.Results.Count(Fails)
                    + content.Dns.Count(DnsFails)
                    + (content.Connectivity?.Summaries.Count(s => s.Verdict == ConnectivityVerdict.Failed) ?? 0);
                var tests = content.Results.Count + content.Dns.Count + (content.Connectivity?.Summaries.Count ?? 0);
                xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("errors", content.Dns.Count(DnsErrs).ToString(CultureInfo.InvariantCulture));
                if (a != null)
                {
                    xml.WriteAttributeString("time", Seconds((a.CompletedOn - a.StartedOn).TotalSeconds));
                }

                foreach (var phase in content.Results.GroupBy(r => r.Phase))
                {
                    var cases = phase.ToList();
                    StartSuite(
                        xml,
                        "FastTrack." + phase.Key,
                        cases.Count,
                        cases.Count(Fails),
                        cases.Count(r => r.Status == CheckStatus.NotAssessed),
                        a?.StartedOn.ToString("s", CultureInfo.InvariantCulture));
                    foreach (var r in cases)
                    {
                        xml.WriteStartElement("testcase");
                        xml.WriteAttributeString("classname", XmlText.Clean($"FastTrack.{r.Phase}.{r.Service}.{r.Area}"));
                        xml.WriteAttributeString("name", XmlText.Clean($"{r.CheckId} {r.Title}"));
                        xml.WriteAttributeString("time", "0");
                        if (Fails(r))
                        {
                            xml.WriteStartElement("failure");
                            xml.WriteAttributeString("type", XmlText.Clean(r.Status.ToString()));
                            xml.WriteAttributeString("message", XmlText.Clean($"{r.Status}: {r.Evidence}"));
                            xml.WriteString(XmlText.Clean(r.Remediation + (r.LearnMoreUrl is null ? string.Empty : "\n" + r.LearnMoreUrl)));
                            xml.WriteEndElement();
                        }
                        else if (r.Status == CheckStatus.NotAssessed)
                        {
                            xml.WriteStartElement("skipped");
                            xml.WriteAttributeString("message", XmlText.Clean($"NotAssessed ({r.Reason}): {r.Evidence}"));
                            xml.WriteEndElement();
                        }

                        xml.WriteElementString("system-out", XmlText.Clean(r.Acceptance == null
                            ? $"{r.Status}: {r.Evidence}"
                            : $"Accepted ({r.Status}) by {r.Acceptance.Owner} until {r.Acceptance.Expires:yyyy-MM-dd}: "
                                + $"{r.Acceptance.Reason}. Evidence: {r.Evidence}"));
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                if (content.Dns.Count > 0)
                {
                    StartSuite(xml, "FastTrack.Dns", content.Dns.Count, content.Dns.Count(DnsFails), 0, null, content.Dns.Count(DnsErrs));
                    foreach (var d in content.Dns)
                    {
                        xml.WriteStartElement("testcase");
                        xml.WriteAttributeString("classname", XmlText.Clean("FastTrack.Dns." + d.Domain));
                        xml.WriteAttributeString("name", XmlText.Clean($"{d.RecordType} {d.Label}"));
                        if (DnsFails(d))
                        {
                            xml.WriteStartElement("failure");
                            xml.WriteAttributeString("type", XmlText.Clean(d.Status));
                            xml.WriteAttributeString("message",
                                XmlText.Clean($"{d.Status}: expected {d.Expected ?? "—"}, found {d.Found ?? "—"}"));
                            xml.WriteEndElement();
                        }
                        else if (DnsErrs(d))
                        {
                            // The lookup itself failed: a CI error (could not verify), not a failed expectation.
                            xml.WriteStartElement("error");
                            xml.WriteAttributeString("type", "Error");
                            xml.WriteAttributeString("message", XmlText.Clean($"The lookup failed: {d.Detail ?? "no detail"}"));
                            xml.WriteEndElement();
                        }

                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                var summaries = content.Connectivity?.Summaries;
                if (summaries != null && summaries.Count > 0)
                {
                    StartSuite(
                        xml,
                        "FastTrack.Connectivity",
                        summaries.Count,
                        summaries.Count(s => s.Verdict == ConnectivityVerdict.Failed),
                        summaries.Count(s => s.Verdict == ConnectivityVerdict.NotTested),
                        null);
                    foreach (var s in summaries)
                    {
                        xml.WriteStartElement("testcase");
                        xml.WriteAttributeString("classname", XmlText.Clean("FastTrack.Connectivity." + s.ServiceArea));
                        xml.WriteAttributeString("name",
                            XmlText.Clean($"{s.ServiceArea} {s.Category} {(s.Required ? "required" : "optional")}"));
                        if (s.Verdict == ConnectivityVerdict.Failed)
                        {
                            xml.WriteStartElement("failure");
                            xml.WriteAttributeString("type", "Failed");
                            xml.WriteAttributeString("message", XmlText.Clean(
                                $"{s.Reachable} of {s.Probes} probes reachable (refused {s.Refused}, timeout {s.Timeout}, "
                                    + $"DNS {s.DnsFailed}, TLS intercepted {s.TlsIntercepted}, TLS invalid {s.TlsInvalid}, "
                                    + $"error {s.Error})"));
                            xml.WriteEndElement();
                        }
                        else if (s.Verdict == ConnectivityVerdict.NotTested)
                        {
                            xml.WriteStartElement("skipped");
                            xml.WriteAttributeString("message", "Nothing in this group could be tested.");
                            xml.WriteEndElement();
                        }

                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteEndDocument();
            }
        }

        /// <summary>Open and not a deliberately accepted risk: an accepted item passes, its acceptance in system-out.</summary>
        public static bool Fails(CheckResult result) =>
            (result.Status == CheckStatus.NotConfigured || result.Status == CheckStatus.Partial) && result.Acceptance == null;

        private static bool DnsFails(Model.Reports.ReportDnsRecord record) => record.Status == "Missing" || record.Status == "Mismatch";

        private static bool DnsErrs(Model.Reports.ReportDnsRecord record) => record.Status == "Error";

        private static void StartSuite(XmlWriter xml, string name, int tests, int failures, int skipped, string? timestamp, int errors = 0)
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", XmlText.Clean(name));
            xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
            if (timestamp != null)
            {
                xml.WriteAttributeString("timestamp", XmlText.Clean(timestamp));
            }
        }

        private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
