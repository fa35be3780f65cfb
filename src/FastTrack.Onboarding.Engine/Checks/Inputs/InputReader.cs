namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>Typed reads of <see cref="AssessmentInputs"/>: null when the input was not given.</summary>
    public static class InputReader
    {
        public static T? Get<T>(this AssessmentInputs inputs, string key) where T : class =>
            inputs.Results.TryGetValue(key, out var value) ? value as T : null;

        public static ServiceScope Scope(this AssessmentInputs inputs) => inputs.Get<ServiceScope>(InputKeys.ServiceScope) ?? new ServiceScope();
    }
}
