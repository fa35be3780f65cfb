namespace FastTrack.Onboarding.Model.Assessment
{
    /// <summary>Why a check could not be assessed.</summary>
    public enum NotAssessedReason
    {
        None,

        /// <summary>The token lacks the permission named in <c>MissingPermission</c>.</summary>
        MissingPermission,

        /// <summary>The tenant lacks the licence named in <c>MissingLicense</c>.</summary>
        LicenseRequired,

        /// <summary>Microsoft Graph has no API for this; the remediation gives the manual step.</summary>
        NoGraphApi,

        /// <summary>Microsoft Graph kept throttling the read past the retry budget.</summary>
        Throttled,

        /// <summary>The read failed; the evidence names the Graph error.</summary>
        Error,

        /// <summary>The data is only in the beta API and preview APIs were turned off.</summary>
        PreviewApiDisabled,

        /// <summary>The check needs another cmdlet's result (for example Test-FastTrackConnectivity) that was not given.</summary>
        InputRequired,
    }
}
