using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Turns a failed read into the reason checks will report: a licence the tenant lacks, a
    /// permission the token lacks (named, least-privileged first), throttling, or an error with
    /// Graph's own code. Graph's licence errors are tenant-specific (docs/graph-notes.md, 'Licence errors').
    /// </summary>
    internal static class FailureClassifier
    {
        /// <summary>
        /// Every failed read's detail is made here, whatever the path (direct, $batch step, stream), so
        /// this is where text from the service is redacted one last time before it reaches a dataset,
        /// a snapshot or a report.
        /// </summary>
        public static DatasetFailure Classify(Exception error, DatasetDefinition dataset, bool delegatedToken)
        {
            var failure = ClassifyCore(error, dataset, delegatedToken);
            failure.Message = Security.SecretRedactor.Redact(failure.Message);
            return failure;
        }

        private static DatasetFailure ClassifyCore(Exception error, DatasetDefinition dataset, bool delegatedToken)
        {
            switch (error)
            {
                case GraphReadException read:
                    return FromStatus(read, dataset, delegatedToken);
                case NextLinkLoopException loop:
                    return new DatasetFailure { Reason = NotAssessedReason.Error, GraphErrorCode = "NextLinkLoop", Message = loop.Message };
                case ForeignLinkException foreign:
                    return new DatasetFailure
                    {
                        Reason = NotAssessedReason.Error,
                        GraphErrorCode = "ForeignLink",
                        Message = foreign.Message,
                    };
                case ResponseTooLargeException large:
                    return new DatasetFailure
                    {
                        Reason = NotAssessedReason.Error,
                        GraphErrorCode = "ResponseTooLarge",
                        Message = $"Graph's answer to {dataset.Describe()} was refused: {large.Message}",
                    };
                case JsonException json:
                    return new DatasetFailure
                    {
                        Reason = NotAssessedReason.Error,
                        GraphErrorCode = "MalformedResponse",
                        Message = $"Graph's answer to {dataset.Describe()} was not valid JSON ({json.Message}).",
                    };
                case TimeoutException timeout:
                    return new DatasetFailure { Reason = NotAssessedReason.Error, GraphErrorCode = "Timeout", Message = timeout.Message };
                case HttpRequestException _:
                case IOException _:
                    return new DatasetFailure
                    {
                        Reason = NotAssessedReason.Error,
                        GraphErrorCode = "ConnectionFailed",
                        Message = $"The connection failed while reading {dataset.Describe()}: {Innermost(error).Message}",
                    };
                case OperationCanceledException _:
                    return new DatasetFailure
                    {
                        Reason = NotAssessedReason.Error,
                        GraphErrorCode = "DeadlineReached",
                        Message = $"The run's deadline passed before {dataset.Describe()} was read.",
                    };
                default:
                    return new DatasetFailure
                    {
                        Reason = NotAssessedReason.Error,
                        GraphErrorCode = error.GetType().Name,
                        Message = $"Reading {dataset.Describe()} failed: {error.Message}",
                    };
            }
        }

        /// <summary>App-only or delegated tokens can be unsupported outright (documented by Microsoft).</summary>
        public static DatasetFailure Unsupported(DatasetDefinition dataset, bool delegatedToken)
        {
            var other = dataset.Permission.Least(!delegatedToken);
            return new DatasetFailure
            {
                Reason = NotAssessedReason.MissingPermission,
                Permission = other,
                Message = delegatedToken
                    ? $"{dataset.Describe()} cannot be read with a delegated token; connect app-only with {other}."
                    : $"{dataset.Describe()} cannot be read app-only (Microsoft supports only delegated access); "
                        + $"connect as a Global Administrator with {other} (for example -UseDeviceCode).",
            };
        }

        public static DatasetFailure PreviewDisabled(DatasetDefinition dataset) => new DatasetFailure
        {
            Reason = NotAssessedReason.PreviewApiDisabled,
            Message = $"{dataset.Describe()} exists only in the beta (preview) API, and preview APIs were turned off (-NoPreview).",
        };

        private static DatasetFailure FromStatus(GraphReadException read, DatasetDefinition dataset, bool delegatedToken)
        {
            var code = read.Code ?? string.Empty;
            var failure = new DatasetFailure
            {
                HttpStatus = read.Status,
                GraphErrorCode = read.Code,
                Message = $"{dataset.Describe()} answered {read.Status} {code}: {read.Message}".Replace("  ", " "),
            };

            if (Is(code, "Authentication_RequestFromNonPremiumTenantOrB2CTenant"))
            {
                failure.Reason = NotAssessedReason.LicenseRequired;
                failure.License = dataset.License ?? "Microsoft Entra ID P1";
            }
            else if (Is(code, "AadPremiumLicenseRequired") || Contains(read.Message, "Premium 2") || Contains(read.Message, "P2 license"))
            {
                failure.Reason = NotAssessedReason.LicenseRequired;
                failure.License = "Microsoft Entra ID P2";
            }
            else if (read.Status == 403 && (Contains(read.Message, "not applicable to target tenant")
                || Contains(read.Message, "requires an active Intune license")))
            {
                failure.Reason = NotAssessedReason.LicenseRequired;
                failure.License = dataset.License ?? "Microsoft Intune";
            }
            else if (read.Status == 403)
            {
                failure.Reason = NotAssessedReason.MissingPermission;
                failure.Permission = dataset.Permission.Least(delegatedToken);
            }
            else if (read.Status == 429)
            {
                failure.Reason = NotAssessedReason.Throttled;
                var wait = read.RetryAfter is TimeSpan after && after > TimeSpan.Zero
                    ? $" and asked to wait {after.TotalSeconds:0} s"
                    : string.Empty;
                failure.Message = $"Graph throttled {dataset.Describe()} (HTTP 429){wait}, longer than this run could wait. "
                    + "Run the assessment again later, or raise -RequestTimeoutSeconds.";
            }
            else
            {
                failure.Reason = NotAssessedReason.Error;
            }

            return failure;
        }

        private static bool Is(string code, string expected) => string.Equals(code, expected, StringComparison.OrdinalIgnoreCase);

        private static bool Contains(string text, string value) => text.IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;

        private static Exception Innermost(Exception error)
        {
            while (error.InnerException != null)
            {
                error = error.InnerException;
            }

            return error;
        }
    }
}
