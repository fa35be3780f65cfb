namespace FastTrack.Onboarding.Model.Notifications
{
    /// <summary>Where Send-FastTrackReport delivers the summary.</summary>
    public enum DeliveryChannel
    {
        /// <summary>A Microsoft Teams incoming webhook or Workflows "post to a channel when a webhook request is received" URL.</summary>
        Teams,

        /// <summary>E-mail through Microsoft Graph (POST /users/{id}/sendMail, or a draft and an upload session).</summary>
        Mail,
    }
}
