using System;
using System.IO;
using FastTrack.Onboarding.Engine.IO;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// Renders a report in one format and writes it atomically: readers see the old file or the
    /// new one, never half; an existing file is replaced only when asked. Failures are
    /// FastTrackExceptions with stable ids the cmdlet turns into ErrorRecords.
    /// </summary>
    public static class ReportExporter
    {
        public const string FileExistsId = ErrorIds.FileExists;
        public const string PathNotFoundId = ErrorIds.ReportPathNotFound;
        public const string WriteFailedId = ErrorIds.ReportWriteFailed;
        public const string NothingToReportId = ErrorIds.NothingToReport;

        public static IReportWriter WriterFor(ReportFormat format)
        {
            switch (format)
            {
                case ReportFormat.Html: return new HtmlReportWriter();
                case ReportFormat.Markdown: return new MarkdownReportWriter();
                case ReportFormat.Json: return new JsonReportWriter();
                case ReportFormat.Csv: return new CsvReportWriter();
                case ReportFormat.JUnit: return new JUnitReportWriter();
                default: throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
            }
        }

        /// <summary>The usual file extension, for callers that name files.</summary>
        public static string Extension(ReportFormat format) =>
            format == ReportFormat.Markdown ? ".md" : format == ReportFormat.JUnit ? ".xml" : "." + format.ToString().ToLowerInvariant();

        public static void Render(ReportInput input, ReportFormat format, Stream stream)
        {
            if (input.Assessment is null && input.Connectivity is null && input.Dns.Count == 0)
            {
                throw new FastTrackException(NothingToReportId, FailureKind.InvalidArgument,
                    "There is nothing to report: no assessment, connectivity result or DNS record was given.",
                    "Pipe the output of Invoke-FastTrackAssessment or Test-FastTrackConnectivity -AsReport, or pass -DnsResult.");
            }

            WriterFor(format).Write(ReportContent.From(input), stream);
        }

        public static FileInfo Export(ReportInput input, ReportFormat format, string path, bool overwrite)
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full) ?? ".";
            if (!Directory.Exists(directory))
            {
                throw new FastTrackException(PathNotFoundId, FailureKind.ObjectNotFound, $"The folder '{directory}' does not exist.",
                    "Create the folder first, or pass a -Path in an existing folder.", targetObject: full);
            }

            if (Directory.Exists(full))
            {
                throw new FastTrackException(FileExistsId, FailureKind.ResourceExists,
                    $"'{full}' is a folder.",
                    "Pass the path of a file, for example " + Path.Combine(full, "report" + Extension(format)) + ".",
                    targetObject: full);
            }

            if (!overwrite && File.Exists(full))
            {
                throw new FastTrackException(FileExistsId, FailureKind.ResourceExists,
                    $"'{full}' already exists.",
                    "Pass -Force to replace it, or choose another -Path.",
                    targetObject: full);
            }

            try
            {
                AtomicFile.Write(full, stream => Render(input, format, stream), overwrite);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new FastTrackException(WriteFailedId, FailureKind.PermissionDenied,
                    $"The report could not be written to '{full}': {e.Message}",
                    "Choose a folder you can write to.",
                    e,
                    full);
            }
            catch (IOException e)
            {
                throw new FastTrackException(WriteFailedId, FailureKind.InvalidOperation,
                    $"The report could not be written to '{full}': {e.Message}",
                    "Check the disk and the path, then try again; any existing file was left as it was.",
                    e,
                    full);
            }

            return new FileInfo(full);
        }
    }
}
