namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>Graph API version of a read. A $batch carries one version only: never mixed.</summary>
    public enum ApiVersion
    {
        V1,
        Beta,
    }

    internal static class ApiVersionExtensions
    {
        public static string Segment(this ApiVersion version) => version == ApiVersion.Beta ? "beta" : "v1.0";
    }
}
