namespace FastTrack.Onboarding.Model.Errors
{
    /// <summary>
    /// Every stable error id the module raises. Scripts and runbooks match on these, so an id is
    /// never renamed or reused once shipped.
    /// </summary>
    public static class ErrorIds
    {
        public const string InvalidTenantId = "FastTrack.InvalidTenantId";
        public const string InvalidClientId = "FastTrack.InvalidClientId";
        public const string InvalidEndpoint = "FastTrack.InvalidEndpoint";
        public const string InsecureEndpoint = "FastTrack.InsecureEndpoint";
        public const string InteractiveAuthenticationNotAllowed = "FastTrack.InteractiveAuthenticationNotAllowed";
        public const string InvalidClientSecret = "FastTrack.InvalidClientSecret";
        public const string UnknownClient = "FastTrack.UnknownClient";
        public const string InvalidClientAssertion = "FastTrack.InvalidClientAssertion";
        public const string TenantNotFound = "FastTrack.TenantNotFound";
        public const string AuthenticationFailed = "FastTrack.AuthenticationFailed";
        public const string CertificateNotFound = "FastTrack.CertificateNotFound";
        public const string CertificateUnreadable = "FastTrack.CertificateUnreadable";
        public const string CertificateWithoutPrivateKey = "FastTrack.CertificateWithoutPrivateKey";
        public const string CertificateExpired = "FastTrack.CertificateExpired";
        public const string ManagedIdentityUnavailable = "FastTrack.ManagedIdentityUnavailable";
        public const string AccessTokenMalformed = "FastTrack.AccessTokenMalformed";
        public const string AccessTokenExpired = "FastTrack.AccessTokenExpired";
        public const string AccessTokenRejected = "FastTrack.AccessTokenRejected";
        public const string EndpointUnreachable = "FastTrack.EndpointUnreachable";
        public const string ConnectTimeout = "FastTrack.ConnectTimeout";
        public const string NotConnected = "FastTrack.NotConnected";
        public const string GraphRequestFailed = "FastTrack.GraphRequestFailed";
        public const string PermissionDenied = "FastTrack.PermissionDenied";
        public const string CheckNotFound = "FastTrack.CheckNotFound";
        public const string OperationCancelled = "FastTrack.OperationCancelled";

        // Files: one id for "the target exists and -Force was not given", whatever the file (snapshot, report).
        public const string FileExists = "FastTrack.FileExists";
        public const string ResumeWithoutCheckpoint = "FastTrack.ResumeWithoutCheckpoint";

        // Input of other cmdlets (-DnsResult, -ConnectivityResult) that is not what they produce.
        public const string InputNotRecognized = "FastTrack.InputNotRecognized";

        // Snapshots (-SnapshotPath, -FromSnapshot) and the data read from them.
        public const string SnapshotNotFound = "FastTrack.SnapshotNotFound";
        public const string SnapshotCorrupt = "FastTrack.SnapshotCorrupt";
        public const string SnapshotVersionUnsupported = "FastTrack.SnapshotVersionUnsupported";
        public const string SnapshotIncomplete = "FastTrack.SnapshotIncomplete";
        public const string SnapshotWriteFailed = "FastTrack.SnapshotWriteFailed";
        public const string DatasetMissing = "FastTrack.DatasetMissing";
        public const string DatasetUnreadable = "FastTrack.DatasetUnreadable";

        // DNS (Test-FastTrackDns).
        public const string InvalidDnsServer = "FastTrack.InvalidDnsServer";
        public const string DnsDataMissing = "FastTrack.DnsDataMissing";
        public const string DnsDataUnreadable = "FastTrack.DnsDataUnreadable";

        // Connectivity (Test-FastTrackConnectivity).
        public const string ConnectivityProxyConflict = "FastTrack.Connectivity.ProxyConflict";
        public const string ConnectivityCatalogUnavailable = "FastTrack.Connectivity.CatalogUnavailable";
        public const string ConnectivityTrustedRootNotFound = "FastTrack.Connectivity.TrustedRootNotFound";

        // Enable (Set-MdmAuthorityGuidance -Apply).
        public const string MdmAuthorityNotReturned = "FastTrack.MdmAuthorityNotReturned";
        public const string MdmAuthorityAlreadySet = "FastTrack.MdmAuthorityAlreadySet";

        // Remediate: identity issues, Repair-FastTrackUsageLocation, Compare-FastTrackAssessment.
        public const string RemediationDataUnreadable = "FastTrack.RemediationDataUnreadable";
        public const string InvalidUsageLocation = "FastTrack.InvalidUsageLocation";
        public const string WritePermissionMissing = "FastTrack.WritePermissionMissing";
        public const string UsersUnreadable = "FastTrack.UsersUnreadable";
        public const string RepairFailed = "FastTrack.RepairFailed";
        public const string DifferentTenants = "FastTrack.DifferentTenants";

        // Export-FastTrackReport.
        public const string ReportInvalidInput = "FastTrack.Report.InvalidInput";
        public const string ReportPathNotFound = "FastTrack.Report.PathNotFound";
        public const string ReportWriteFailed = "FastTrack.Report.WriteFailed";
        public const string NothingToReport = "FastTrack.Report.NothingToReport";

        // Run history (Remediate phase).
        public const string HistoryLocationInvalid = "FastTrack.HistoryLocationInvalid";
        public const string HistoryUnavailable = "FastTrack.HistoryUnavailable";
        public const string HistoryAccessDenied = "FastTrack.HistoryAccessDenied";
        public const string HistoryWriteFailed = "FastTrack.HistoryWriteFailed";
        public const string HistoryDocumentExists = "FastTrack.HistoryDocumentExists";
        public const string HistoryDocumentCorrupt = "FastTrack.HistoryDocumentCorrupt";
        public const string HistoryDocumentForeign = "FastTrack.HistoryDocumentForeign";
        public const string HistoryVersionUnsupported = "FastTrack.HistoryVersionUnsupported";
        public const string HistoryDefaultInvalid = "FastTrack.HistoryDefaultInvalid";
        public const string HistoryNotConfigured = "FastTrack.HistoryNotConfigured";
        public const string RemediationPlanInvalid = "FastTrack.RemediationPlanInvalid";
        public const string RemediationPlanMissing = "FastTrack.RemediationPlanMissing";
        public const string ExceptionInvalid = "FastTrack.ExceptionInvalid";
        public const string ExceptionFileInvalid = "FastTrack.ExceptionFileInvalid";
        public const string ExceptionNotFound = "FastTrack.ExceptionNotFound";

        // Send-FastTrackReport: one id per way a delivery fails, so runbooks can tell them apart.
        public const string ReportSendInvalidInput = "FastTrack.ReportSend.InvalidInput";
        public const string WebhookUrlInvalid = "FastTrack.ReportSend.WebhookUrlInvalid";
        public const string WebhookRejected = "FastTrack.ReportSend.WebhookRejected";
        public const string WebhookThrottled = "FastTrack.ReportSend.WebhookThrottled";
        public const string WebhookFailed = "FastTrack.ReportSend.WebhookFailed";
        public const string WebhookUnreachable = "FastTrack.ReportSend.WebhookUnreachable";
        public const string MailPermissionMissing = "FastTrack.ReportSend.MailPermissionMissing";
        public const string MailFailed = "FastTrack.ReportSend.MailFailed";
        public const string MailAttachmentTooLarge = "FastTrack.ReportSend.MailAttachmentTooLarge";
    }
}
