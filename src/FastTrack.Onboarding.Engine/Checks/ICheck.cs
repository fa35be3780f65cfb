using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// One check: its declarative metadata and a pure evaluation over the snapshot. A class that
    /// implements this (public, parameterless constructor) in the engine assembly is a check; the
    /// catalog finds it by reflection, so adding a check is adding its file (and its test).
    /// </summary>
    public interface ICheck
    {
        CheckMetadata Metadata { get; }

        /// <summary>Runs only when every dataset of <see cref="CheckMetadata.Needs"/> was read.</summary>
        CheckVerdict Evaluate(CheckContext context);
    }
}
