namespace FastTrack.Onboarding.Model.Errors
{
    /// <summary>
    /// What went wrong, in the engine's words. The cmdlet layer maps each to a PowerShell
    /// ErrorCategory; the engine cannot reference PowerShell, so it needs its own vocabulary.
    /// </summary>
    public enum FailureKind
    {
        InvalidArgument,
        AuthenticationError,
        PermissionDenied,
        ConnectionError,
        OperationTimeout,
        ObjectNotFound,
        InvalidData,
        ResourceUnavailable,
        LimitsExceeded,
        SecurityError,
        InvalidOperation,

        /// <summary>The thing to create is already there (a report file without -Force).</summary>
        ResourceExists,
        NotImplemented,
        OperationStopped,
    }
}
