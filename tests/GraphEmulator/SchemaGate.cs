using System.Collections.Concurrent;
using FastTrack.Onboarding.GraphSchema;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Refuses, before any data is read, what Microsoft Graph v1.0 refuses by its schema: an unknown path
/// or property, a query option the capability annotations forbid, $top over the endpoint's maximum
/// (tests/GraphSchema). Beta is not checked: no beta schema is kept. When FASTTRACK_CONTRACT_LOG names
/// a file, each distinct request shape served is appended to it, for the contract check.
/// </summary>
public static class SchemaGate
{
    public const string ContractLogVariable = "FASTTRACK_CONTRACT_LOG";

    private static readonly ConcurrentDictionary<string, bool> Logged = new(StringComparer.Ordinal);
    private static readonly object FileLock = new();

    /// <summary>Null when the request passes; else Graph's error for the first problem.</summary>
    /// <param name="contractLog">Where to record request shapes (EmulatorOptions.ContractLogPath); null = FASTTRACK_CONTRACT_LOG, if
    /// set.</param>
    public static GraphError? Check(GraphRequest req, string? contractLog)
    {
        var slash = req.Path.IndexOf('/');
        var version = slash < 0 ? req.Path : req.Path[..slash];
        var path = slash < 0 ? "" : req.Path[(slash + 1)..];
        var result = RequestValidator.Validate(req.Method, version, path, req.Query, req.Headers);
        var problem = result.Refusal; // an Intune $filter is the data layer's business (Intune ignores what it does not document)

        // Served shapes go to the log; refused ones beside it (".refused"), so a reviewer sees which test requests Graph would refuse.
        var log = contractLog ?? Environment.GetEnvironmentVariable(ContractLogVariable);
        if (!string.IsNullOrEmpty(log)) Record(result, req, problem is null ? log : log + ".refused");
        return problem is null ? null : new GraphError(problem.Status, result.ErrorCode ?? "BadRequest", problem.Message);
    }

    /// <summary>One line per distinct (method, version, path shape, query option names):
    /// "GET\tv1.0/users/{id}\t$select\tv1.0/users/abc\t$select=id".</summary>
    private static void Record(ValidationResult result, GraphRequest req, string file)
    {
        var key = result.Shape.ToString();
        if (!Logged.TryAdd(file + "|" + key, true)) return;
        var line = string.Join(
            '\t',
            result.Shape.Method,
            result.Shape.Version + "/" + result.Shape.Path,
            string.Join('&', result.Shape.QueryOptions),
            req.Path,
            req.Query);
        lock (FileLock)
        {
            File.AppendAllText(file, line.Replace('\n', ' ') + Environment.NewLine);
        }
    }
}
