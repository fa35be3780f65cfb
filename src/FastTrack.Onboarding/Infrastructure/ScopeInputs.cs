using System.Collections.Generic;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>Builds the engine inputs the phase cmdlets pass: the services in scope, and other cmdlets' results.</summary>
    internal static class ScopeInputs
    {
        public static AssessmentInputs Build(FastTrackWorkload[]? services, object? dns = null, object? connectivity = null)
        {
            var results = new Dictionary<string, object> { [InputKeys.ServiceScope] = new ServiceScope { Workloads = services ?? new FastTrackWorkload[0] } };
            if (dns != null)
            {
                results[InputKeys.Dns] = dns;
            }

            if (connectivity != null)
            {
                results[InputKeys.Connectivity] = connectivity;
            }

            return new AssessmentInputs { Results = results };
        }
    }
}
