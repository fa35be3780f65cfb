using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>One open guidance item named in the summary (the worst first).</summary>
    public sealed record SummaryItem(string CheckId, string Title, CheckStatus Status, string Remediation);
}
