using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.GraphSchema;

namespace FastTrack.Onboarding.Engine.Tests.Contract;

/// <summary>
/// Why each beta read cannot be a v1.0 read. Most show it themselves: the same request against the
/// v1.0 schema has a problem (a beta-only path or property). A request valid in v1.0 is beta for
/// what comes back (types that exist only in beta), listed here with those types, which the test
/// proves absent from v1.0.
/// </summary>
public static class BetaNeeds
{
    /// <summary>Dataset id → the beta-only types its check reads (by @odata.type).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> BetaOnlyTypes =
        new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            [DatasetIds.DeviceConfigurationsBeta] =
            [
                "iosEasEmailProfileConfiguration", "androidEasEmailProfileConfiguration", "androidWorkProfileGmailEasConfiguration",
                "androidForWorkGmailEasConfiguration", "androidWorkProfileNineWorkEasConfiguration",
                "androidForWorkNineWorkEasConfiguration", "windows10EasEmailProfileConfiguration",
            ],
        };

    /// <summary>The reason a beta request must stay beta, or null when v1.0 could serve it (the module must then use v1.0).</summary>
    public static string? Reason(ModuleRequest request)
    {
        var v1 = RequestValidator.ValidateUrl(request.Method, "/v1.0/" + request.Relative, request.Headers);
        if (!v1.IsValid)
        {
            return "v1.0: " + v1.Problems[0].Message;
        }

        if (BetaOnlyTypes.TryGetValue(request.Dataset.Id, out var types))
        {
            var inV1 = types.Where(t => CsdlModel.Version1.Type("microsoft.graph." + t) is not null).ToList();
            return inV1.Count == 0 ? "reads types v1.0 does not have: " + string.Join(", ", types) : null;
        }

        return null;
    }
}
