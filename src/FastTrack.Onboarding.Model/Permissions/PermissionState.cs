namespace FastTrack.Onboarding.Model.Permissions
{
    /// <summary>Whether the token allows the Graph reads a permission stands for.</summary>
    public enum PermissionState
    {
        /// <summary>Every read it stands for is allowed by a permission the token carries.</summary>
        Granted,

        /// <summary>At least one of its reads is allowed by nothing the token carries.</summary>
        Missing,

        /// <summary>Microsoft does not allow these reads with this kind of token at all; sign in the other way.</summary>
        NotSupported,
    }
}
