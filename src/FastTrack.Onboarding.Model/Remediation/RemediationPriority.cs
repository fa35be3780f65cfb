namespace FastTrack.Onboarding.Model.Remediation
{
    /// <summary>Order of work: High blocks onboarding, Medium degrades it, Low is hygiene.</summary>
    public enum RemediationPriority
    {
        High,
        Medium,
        Low,
    }
}
