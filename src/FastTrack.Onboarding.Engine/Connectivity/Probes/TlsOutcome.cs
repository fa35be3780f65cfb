using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    internal sealed record TlsOutcome(ConnectivityStatus Status, string Detail, string? Issuer, bool? IssuerRecognized, double ElapsedMs);
}
