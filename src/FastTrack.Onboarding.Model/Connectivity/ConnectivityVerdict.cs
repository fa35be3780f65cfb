namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>A summary's verdict. NotTested when nothing in the group could be tested: never a silent pass.</summary>
    public enum ConnectivityVerdict
    {
        Passed,
        Failed,
        NotTested,
    }
}
