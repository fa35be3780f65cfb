namespace FastTrack.Onboarding.Model.Permissions
{
    /// <summary>The two ways a token carries Microsoft Graph permissions.</summary>
    public enum PermissionType
    {
        /// <summary>App-only: the token's roles claim (certificate, secret, managed identity).</summary>
        Application,

        /// <summary>A signed-in user: the token's scp claim (browser, device code).</summary>
        Delegated,
    }
}
