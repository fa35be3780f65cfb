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
    /// <param name="contractLog">Where to record request shapes (EmulatorOptions.ContractLogPath); null = FASTTRACK_CONTRACT_LOG, if set.</param>
    public static GraphError? Check(GraphRequest req, string? contractLog)
    {
        var slash = req.Path.IndexOf('/');
        var version = slash < 0 ? req.Path : req.Path[..slash];
        var path = slash < 0 ? "" : req.Path[(slash + 1)..];
        var result = RequestValidator.Validate(req.Method, version, path, req.Query, req.Headers);
        Record(result, req, contractLog ?? Environment.GetEnvironmentVariable(ContractLogVariable));

        // Intune ignores a $filter it does not document (every item comes back), so a $filter there is
        // the data layer's business, not a schema refusal.
        var intune = path.StartsWith("deviceManagement", StringComparison.OrdinalIgnoreCase) || path.StartsWith("deviceAppManagement", StringComparison.OrdinalIgnoreCase);
        var problem = result.Problems.FirstOrDefault(p => !(intune && p.QueryOption == "$filter"));
        return problem is null ? null : new GraphError(problem.Status, result.ErrorCode ?? "BadRequest", problem.Message);
    }

    /// <summary>One line per distinct (method, version, path shape, query option names): "GET\tv1.0/users/{id}\t$select\tv1.0/users/abc\t$select=id".</summary>
    private static void Record(ValidationResult result, GraphRequest req, string? file)
    {
        if (string.IsNullOrEmpty(file)) return;
        var key = result.Shape.ToString();
        if (!Logged.TryAdd(file + "|" + key, true)) return;
        var line = string.Join('\t', result.Shape.Method, result.Shape.Version + "/" + result.Shape.Path, string.Join('&', result.Shape.QueryOptions), req.Path, req.Query);
        lock (FileLock)
        {
            File.AppendAllText(file, line.Replace('\n', ' ') + Environment.NewLine);
        }
    }
}
