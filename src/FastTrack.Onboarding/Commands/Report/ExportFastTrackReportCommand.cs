using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Dns;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Reports;
using FastTrack.Onboarding.PipeBinds;

namespace FastTrack.Onboarding.Commands.Report
{
    /// <summary>
    /// Export-FastTrackReport: writes an assessment (and connectivity results, DNS records and a
    /// remediation checklist) as HTML, Markdown, JSON, CSV or JUnit XML. The file is written
    /// atomically; an existing file is replaced only with -Force.
    /// </summary>
    [Cmdlet(VerbsData.Export, "FastTrackReport", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportFastTrackReportCommand : FastTrackCmdlet
    {
        private readonly List<object> _inputs = new List<object>();

        /// <summary>An AssessmentReport (Invoke-FastTrackAssessment) and/or a
        /// ConnectivityReport (Test-FastTrackConnectivity -AsReport).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        [Parameter(Mandatory = true, Position = 0)]
        public ReportFormat Format { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>DNS records of Test-FastTrackDns (live, Import-Clixml, ConvertFrom-Json or hashtables with the same names).</summary>
        [Parameter]
        [ValidateNotNull]
        public DnsResultPipeBind[] DnsResult { get; set; } = Array.Empty<DnsResultPipeBind>();

        /// <summary>Remediation tasks (Title, Priority, Owner, Effort, DependsOn,
        /// StartDate, DueDate...); derived from the assessment when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        public object[] Checklist { get; set; } = Array.Empty<object>();

        /// <summary>The run history (folder or blob container URL): adds the Progress section,
        /// the review agenda and the run's provenance. Needs an assessment.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        /// <summary>The date of the review call the agenda is for. Default: now.</summary>
        [Parameter]
        public DateTimeOffset? ReviewOn { get; set; }

        /// <summary>Replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject)
            {
                _inputs.Add(item is PSObject wrapped ? wrapped.BaseObject : item);
            }
        }

        protected override void EndProcessing()
        {
            var assessments = _inputs.OfType<AssessmentReport>().ToList();
            var connectivity = _inputs.OfType<ConnectivityReport>().ToList();
            var unknown = _inputs.Where(i => !(i is AssessmentReport) && !(i is ConnectivityReport)).ToList();
            if (unknown.Count > 0 || assessments.Count > 1 || connectivity.Count > 1)
            {
                ThrowTerminatingError(ErrorRecords.From(new FastTrackException(ErrorIds.ReportInvalidInput, FailureKind.InvalidArgument,
                    unknown.Count > 0
                        ? $"-InputObject takes an AssessmentReport or a ConnectivityReport, not {unknown[0].GetType().Name}."
                        : "One report takes at most one assessment and one connectivity report.",
                    "Pipe Invoke-FastTrackAssessment and/or Test-FastTrackConnectivity -AsReport; "
                        + "pass DNS records with -DnsResult and tasks with -Checklist.",
                    targetObject: unknown.FirstOrDefault())));
            }

            IReadOnlyList<DnsRecordResult> dns = Array.Empty<DnsRecordResult>();
            try
            {
                dns = CmdletInputs.DnsRecords(DnsResult);
            }
            catch (FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
            }

            if (HistoryPath != null && assessments.Count == 0)
            {
                ThrowTerminatingError(ErrorRecords.From(new FastTrackException(
                    ErrorIds.ReportInvalidInput,
                    FailureKind.InvalidArgument,
                    "-HistoryPath shows the progress of an assessment, and no assessment was given.",
                    "Pipe the output of Invoke-FastTrackAssessment, or leave out -HistoryPath.")));
            }

            var input = new ReportInput
            {
                History = HistoryPath == null
                    ? null
                    : ReportHistoryAccess.Read(this, HistoryPath, assessments[0], ReviewOn ?? DateTimeOffset.UtcNow),
                Assessment = assessments.FirstOrDefault(),
                Connectivity = connectivity.FirstOrDefault(),
                Dns = dns.Select(ReportObjectMapper.Dns).ToList(),
                Checklist = Checklist.Where(t => t != null).Select((t, i) => ReportObjectMapper.Task(t, i + 1)).ToList(),
                GeneratedOn = DateTimeOffset.UtcNow,
                GeneratorVersion = MyInvocation.MyCommand.Module?.Version?.ToString()
                    ?? typeof(ExportFastTrackReportCommand).Assembly.GetName().Version?.ToString() ?? "0.0.0",
            };

            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var exists = File.Exists(path);
            if (!ShouldProcess(path, exists ? $"Replace with the {Format} report" : $"Write the {Format} report"))
            {
                return;
            }

            WriteVerboseSafely($"Writing the {Format} report ({input.Assessment?.Results.Count ?? 0} checks, {input.Dns.Count} "
                + $"DNS records, {input.Connectivity?.Results.Count ?? 0} probes, {input.Checklist.Count} tasks) to {path}.");
            var file = RunEngine((log, ct) => Task.Run(() => ReportExporter.Export(input, Format, path, Force), ct));
            WriteObject(file);
        }
    }
}
