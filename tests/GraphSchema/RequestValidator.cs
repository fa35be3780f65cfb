namespace FastTrack.Onboarding.GraphSchema;

/// <summary>What a request was judged on: the version, the path shape and the names of its query options.</summary>
public sealed record RequestShape(string Method, string Version, string Path, IReadOnlyList<string> QueryOptions)
{
    public override string ToString() =>
        $"{Method} /{Version}/{Path}" + (QueryOptions.Count > 0 ? "?" + string.Join('&', QueryOptions) : "");
}

/// <summary>The verdict on one request; Problems is empty when Graph would accept it (or, for beta, when it was not checked).</summary>
public sealed record ValidationResult(RequestShape Shape, IReadOnlyList<SchemaProblem> Problems, bool SchemaChecked, string? ErrorCode)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>
    /// The problem Graph answers 400 for, if any. Intune ignores a $filter it does not document (every
    /// item comes back) rather than refusing it, so a $filter problem on deviceManagement or
    /// deviceAppManagement is no refusal.
    /// </summary>
    public SchemaProblem? Refusal
    {
        get
        {
            var intune = Shape.Path.StartsWith("deviceManagement", StringComparison.OrdinalIgnoreCase)
                || Shape.Path.StartsWith("deviceAppManagement", StringComparison.OrdinalIgnoreCase);
            return Problems.FirstOrDefault(p => !(intune && p.QueryOption == "$filter"));
        }
    }
}

/// <summary>
/// Judges a Graph request against Microsoft's v1.0 schema: the path (PathResolver), then the query
/// (QueryValidator). Beta requests are not checked (no beta schema is kept here) but their shape is
/// still reported so a contract test can list them.
/// </summary>
public static class RequestValidator
{
    /// <param name="path">The path after the version, without a leading slash, e.g. "users/{id}" or "reports/getX(period='D30')".</param>
    /// <param name="query">The raw query string without '?', still URL-encoded.</param>
    public static ValidationResult Validate(
        string method, string version, string path, string query, IReadOnlyDictionary<string, string>? headers = null)
    {
        method = method.ToUpperInvariant();
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var options = QueryOptions.Parse(query);
        var names = options.Select(o => o.Name).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var code = PageSizeLimits.BadRequestCode(segments);
        if (!string.Equals(version, "v1.0", StringComparison.OrdinalIgnoreCase))
            return new ValidationResult(new RequestShape(method, version, path, names), [], false, null);

        var model = CsdlModel.Version1;
        var (resolved, problem) = PathResolver.Resolve(model, method, segments);
        if (resolved is null)
            return new ValidationResult(
                new RequestShape(method, version, path, names), [problem!], true, problem!.Status == 405 ? "Request_BadRequest" : code);
        var shape = new RequestShape(method, version, resolved.Shape, names);
        var problems = QueryValidator.Validate(model, resolved, segments, options, headers);
        return new ValidationResult(shape, problems, true, problems.Count > 0 ? code : null);
    }

    /// <summary>Splits an absolute or relative Graph URL ("https://graph.microsoft.com/v1.0/users?$top=1", "/v1.0/users") and
    /// validates it.</summary>
    public static ValidationResult ValidateUrl(string method, string url, IReadOnlyDictionary<string, string>? headers = null)
    {
        // Only http(s) URLs are absolute here: on Unix "/v1.0/users" would parse as a file URI.
        var pathAndQuery = url.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(url, UriKind.Absolute, out var absolute)
                ? absolute.PathAndQuery
                : url;
        var q = pathAndQuery.IndexOf('?');
        var path = (q < 0 ? pathAndQuery : pathAndQuery[..q]).TrimStart('/');
        var query = q < 0 ? "" : pathAndQuery[(q + 1)..];
        var slash = path.IndexOf('/');
        return slash < 0
            ? Validate(method, path, "", query, headers)
            : Validate(method, path[..slash], path[(slash + 1)..], query, headers);
    }
}
