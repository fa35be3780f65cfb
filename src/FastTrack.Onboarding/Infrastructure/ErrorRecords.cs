using System.Management.Automation;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>Engine failures as PowerShell ErrorRecords: stable id, real category, what to do.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(FastTrackException error)
        {
            return new ErrorRecord(error, error.ErrorId, Category(error.Kind), error.TargetObject)
            {
                // The default error view shows ErrorDetails.Message, so the remedy is part of it.
                ErrorDetails = new ErrorDetails(Sentence(error.Message) + " " + error.RecommendedAction)
                {
                    RecommendedAction = error.RecommendedAction,
                },
            };
        }

        private static string Sentence(string text)
        {
            var trimmed = text.TrimEnd();
            return trimmed.EndsWith(".", System.StringComparison.Ordinal) || trimmed.EndsWith("!", System.StringComparison.Ordinal)
                ? trimmed
                : trimmed + ".";
        }

        public static ErrorCategory Category(FailureKind kind)
        {
            switch (kind)
            {
                case FailureKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case FailureKind.AuthenticationError: return ErrorCategory.AuthenticationError;
                case FailureKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case FailureKind.ConnectionError: return ErrorCategory.ConnectionError;
                case FailureKind.OperationTimeout: return ErrorCategory.OperationTimeout;
                case FailureKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case FailureKind.InvalidData: return ErrorCategory.InvalidData;
                case FailureKind.ResourceUnavailable: return ErrorCategory.ResourceUnavailable;
                case FailureKind.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                case FailureKind.SecurityError: return ErrorCategory.SecurityError;
                case FailureKind.NotImplemented: return ErrorCategory.NotImplemented;
                case FailureKind.OperationStopped: return ErrorCategory.OperationStopped;
                case FailureKind.ResourceExists: return ErrorCategory.ResourceExists;
                default: return ErrorCategory.InvalidOperation;
            }
        }
    }
}
