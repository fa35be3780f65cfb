namespace FastTrack.Onboarding.Model.Notifications
{
    /// <summary>How the HTML report travelled with the e-mail.</summary>
    public enum AttachmentTransfer
    {
        /// <summary>No attachment (a Teams card, or mail without a report).</summary>
        None,

        /// <summary>A fileAttachment inside the one sendMail request (the whole request under Graph's 3 MB limit).</summary>
        Inline,

        /// <summary>A draft message, an attachment upload session (PUT in chunks to the pre-authenticated URL), then send.</summary>
        UploadSession,
    }
}
