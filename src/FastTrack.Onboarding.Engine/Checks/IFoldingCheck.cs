using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// A check over a large collection (users, devices, groups) written as a fold, so it can run over a
    /// stream of records without holding the collection: <see cref="Seed"/> from the rest of the context,
    /// <see cref="Accumulate"/> once per record in collection order, <see cref="Finish"/> to the verdict.
    /// Its <see cref="ICheck.Evaluate"/> is the same fold over the snapshot's list (<see cref="CheckFold"/>).
    /// </summary>
    public interface IFoldingCheck<TRecord, TState> : ICheck
    {
        TState Seed(CheckContext context);

        TState Accumulate(TState state, TRecord record);

        CheckVerdict Finish(TState state, CheckContext context);
    }
}
