namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>What the validation callback saw: whether the chain was trusted, who issued the leaf, and why not.</summary>
    internal sealed record CertificateVerdict(bool ChainValid, string IssuerName, string IssuerCommonName, string Problems);
}
