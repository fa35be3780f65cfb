namespace FastTrack.Onboarding.Model.Remediation
{
    /// <summary>The role that usually does the work of a remediation task.</summary>
    public enum RemediationOwner
    {
        Identity,
        Network,
        Messaging,
        Intune,
        Licensing,
        Administration,
    }
}
