using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.PipeBinds
{
    /// <summary>
    /// -ConnectivityResult: what Test-FastTrackConnectivity wrote — probe rows, or its report
    /// (-AsReport, whose Results are the rows) — as returned, after Import-Clixml or ConvertFrom-Json,
    /// or hashtables with the same names. Anything else stops the cmdlet with FastTrack.InputNotRecognized.
    /// </summary>
    public sealed class ConnectivityResultPipeBind
    {
        internal const string Expected =
            "a result of Test-FastTrackConnectivity (a probe row with Host, Port and Status, or its report with Results)";
        internal const string Remedy = "Pass the output of Test-FastTrackConnectivity "
            + "(as returned, or read back with Import-Clixml or ConvertFrom-Json), "
            + "or objects/hashtables with Host, Port and Status (Reachable, Refused, Timeout, "
            + "DnsFailed, TlsIntercepted, TlsInvalid, NotTestable, NotTested or Error). "
            + "The rows of -Summary are per-area totals and cannot be judged: pass the probe rows or -AsReport.";

        public ConnectivityResultPipeBind(ConnectivityReport report) =>
            InputObject = report ?? throw new ArgumentNullException(nameof(report));

        public ConnectivityResultPipeBind(ConnectivityProbeResult probe) =>
            InputObject = probe ?? throw new ArgumentNullException(nameof(probe));

        public ConnectivityResultPipeBind(PSObject input) => InputObject = input ?? throw new ArgumentNullException(nameof(input));

        public ConnectivityResultPipeBind(IDictionary input) => InputObject = input ?? throw new ArgumentNullException(nameof(input));

        public ConnectivityResultPipeBind(object input) => InputObject = input ?? throw new ArgumentNullException(nameof(input));

        /// <summary>What was passed, as PowerShell bound it.</summary>
        public object InputObject { get; }

        public override string ToString() => InputObject.ToString() ?? string.Empty;

        /// <summary>
        /// The probe rows, typed. A report's start time goes to <paramref name="testedOn"/>; the summary
        /// of an older export (EndpointsTested, PortsOpen…) goes to <paramref name="summaries"/>.
        /// </summary>
        internal IEnumerable<ConnectivityProbeResult> Probes(
            string parameter,
            IList<DateTimeOffset> testedOn,
            ICollection<LooseObject> summaries)
        {
            foreach (var item in PipeBindItems.Flatten(InputObject))
            {
                switch (item)
                {
                    case ConnectivityProbeResult probe:
                        yield return probe;
                        continue;
                    case ConnectivityReport report:
                        testedOn.Add(report.StartedUtc);
                        foreach (var row in report.Results)
                        {
                            yield return row;
                        }

                        continue;
                }

                var loose = LooseObject.Of(item);
                if (!loose.IsScalar && loose.Has("Results") && loose.Has("StartedUtc"))
                {
                    if (loose.Date("StartedUtc") is DateTimeOffset started)
                    {
                        testedOn.Add(started);
                    }

                    foreach (var row in loose.Items("Results"))
                    {
                        yield return Read(LooseObject.Of(row)) ?? throw PipeBindItems.NotRecognized(parameter, row, Expected, Remedy);
                    }

                    continue;
                }

                if (!loose.IsScalar && loose.Has("EndpointsTested"))
                {
                    summaries.Add(loose);
                    continue;
                }

                yield return Read(loose) ?? throw PipeBindItems.NotRecognized(parameter, item, Expected, Remedy);
            }
        }

        private static ConnectivityProbeResult? Read(LooseObject o)
        {
            var host = o.IsScalar ? null : o.Text("Host");
            var status = o.IsScalar ? null : o.Enum<ConnectivityStatus>("Status");
            if (host is null || status is null)
            {
                return null;
            }

            return new ConnectivityProbeResult
            {
                Host = host,
                Port = o.Number("Port") ?? 0,
                Status = status.Value,
                Detail = o.Text("Detail") ?? string.Empty,
                TlsIssuer = o.Text("TlsIssuer"),
                ServiceArea = o.Text("ServiceArea") ?? string.Empty,
                // A row that does not say is treated as a required endpoint: never a silent pass.
                Required = o.Flag("Required") ?? true,
            };
        }
    }
}
