namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Carries a Graph error out of deep parsing/resolution code.</summary>
public sealed class GraphErrorException(GraphError error) : Exception(error.Message)
{
    public GraphError Error { get; } = error;
}
