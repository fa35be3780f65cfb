using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Notifications;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>One channel's result, and when it failed the error to report (stable id, kind, what to do).</summary>
    public sealed record ChannelOutcome(ReportDelivery Delivery, FastTrackException? Failure);
}
