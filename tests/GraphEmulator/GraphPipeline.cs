using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// The one path every Graph call takes, plain or inside $batch, in the order the real service
/// applies its checks: token → schema (SchemaGate) → injected faults → area throttling → permission → licence →
/// fixture errors → data.
/// </summary>
public sealed class GraphPipeline(EmulatorState state)
{
    public async Task<GraphResponse> HandleAsync(GraphRequest req, CancellationToken ct)
    {
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = req.Header("client-request-id");
        GraphResponse response;
        string? tenantId = null;
        try
        {
            (response, tenantId) = await HandleCoreAsync(req, ct).ConfigureAwait(false);
        }
        catch (GraphErrorException e)
        {
            response = e.Error.ToResponse(requestId, clientRequestId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An emulator bug or a fixture it cannot read: say so in a Graph-shaped 500 rather than an empty one.
            response = new GraphError(500, "InternalServerError", "Graph emulator failure: " + e.GetType().Name + ": " + e.Message)
                .ToResponse(requestId, clientRequestId);
        }
        response.Headers["request-id"] = requestId;
        response.Headers["client-request-id"] = clientRequestId ?? requestId;
        var question = req.Path;
        state.Log.Add(req.Method, "/" + question, req.Query, response.AbortConnection ? 0 : response.Status, req.InBatch, tenantId);
        return response;
    }

    private async Task<(GraphResponse, string?)> HandleCoreAsync(GraphRequest req, CancellationToken ct)
    {
        var claims = Authenticate(req);
        var tenantId = claims["tid"]?.GetValue<string>();
        var tenant = state.FindTenant(tenantId ?? "")
            ?? throw new GraphErrorException(
                new GraphError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience."));

        var segs = req.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segs.Length >= 2 && segs[1].Equals("me", StringComparison.OrdinalIgnoreCase))
        {
            // /me is the signed-in user: only delegated tokens have one.
            var oid = claims["oid"]?.GetValue<string>();
            if (claims["idtyp"]?.GetValue<string>() != "user" || oid is null)
                throw new GraphErrorException(
                    new GraphError(400, "BadRequest", "/me request is only valid with delegated authentication flow."));
            segs = [segs[0], "users", oid, .. segs[2..]];
        }

        // Graph's schema before anything else reads the request: unknown path or property, forbidden option, $top too large.
        if (SchemaGate.Check(req, state.ContractLogPath) is GraphError invalid) throw new GraphErrorException(invalid);

        var fault = state.Faults.Pick(req.Method, req.Path, tenant.Id, req.InBatch);
        var malformed = false;
        var cutWrite = false;
        var loop = false;
        switch (fault?.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(fault.LatencyMs ?? 1000, ct).ConfigureAwait(false);
                break;
            case FaultKind.Throttle:
                throw new GraphErrorException(
                    new GraphError(429, "TooManyRequests", "Too many requests. Please retry later.", fault.RetryAfterSeconds));
            case FaultKind.Unavailable:
                throw new GraphErrorException(new GraphError(
                    503, "ServiceUnavailable", "Service is temporarily unavailable. Please retry.", fault.RetryAfterSeconds));
            case FaultKind.GatewayTimeout:
                throw new GraphErrorException(new GraphError(
                    504, "GatewayTimeout", "The gateway did not receive a timely response.", fault.RetryAfterSeconds));
            case FaultKind.Forbidden:
                throw new GraphErrorException(GraphError.Denied());
            case FaultKind.ConnectionReset:
                return (GraphResponse.Abort(), tenant.Id);
            case FaultKind.MalformedJson:
                malformed = true;
                break;
            case FaultKind.NextLinkLoop:
                loop = true;
                break;
            case FaultKind.CutWriteAnswer:
                cutWrite = true;
                break;
        }

        var noVersion = segs[1..];
        if (state.Limits.Check(tenant.Id, claims["appid"]?.GetValue<string>(), string.Join('/', noVersion)) is GraphError throttled)
            throw new GraphErrorException(throttled);

        var granted = Granted(claims);
        var isMdmAction = req.Method == "POST" && segs.Length == 4 && segs[1].Equals("organization", StringComparison.OrdinalIgnoreCase)
            && segs[3].Equals("setMobileDeviceManagementAuthority", StringComparison.OrdinalIgnoreCase);
        if (isMdmAction)
        {
            // Documented as delegated-only: an app token is refused whatever it holds.
            if (claims["idtyp"]?.GetValue<string>() == "app" || !PermissionTable.SetMdmAuthority.Any(granted.Contains))
                throw new GraphErrorException(GraphError.Denied());
        }
        else if (PermissionTable.Required(req.Method, noVersion) is { } required && !required.Any(granted.Contains))
        {
            throw new GraphErrorException(GraphError.Denied());
        }

        if (LicenceGates.Check(tenant, noVersion) is GraphError licence) throw new GraphErrorException(licence);
        foreach (var fixedError in tenant.Errors)
            if (fixedError.Matches(segs)) throw new GraphErrorException(fixedError.Error);

        GraphResponse response;
        if (isMdmAction) response = SetMdmAuthority(tenant, segs);
        else if (req.Method is "GET" or "HEAD")
            response = UsageReports.IsReport(segs) ? UsageReports.Respond(req, tenant, segs) : Read(req, tenant, segs, loop);
        else if (MailHandler.Handles(req.Method, noVersion)) response = MailHandler.Handle(req, tenant, state.Mail, noVersion);
        else if (req.Method == "PATCH") response = Patch(req, tenant, segs);
        else
            throw new GraphErrorException(
                new GraphError(405, "Request_BadRequest", $"Specified HTTP method is not allowed for the request target."));

        if (malformed && response.Status == 200) response.Malformed = true;
        if (cutWrite && response.Status == 204) response = CutWriteAnswer(tenant, segs);
        return (response, tenant.Id);
    }

    private JsonObject Authenticate(GraphRequest req)
    {
        var auth = req.Header("Authorization");
        if (string.IsNullOrEmpty(auth) || !auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw new GraphErrorException(new GraphError(401, "InvalidAuthenticationToken", "Access token is empty."));
        return state.Signer.Validate(auth["Bearer ".Length..].Trim(), out var failure)
            ?? throw new GraphErrorException(
                new GraphError(401, "InvalidAuthenticationToken", failure ?? "Access token validation failure."));
    }

    private static HashSet<string> Granted(JsonObject claims)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (claims["roles"] is JsonArray roles)
            foreach (var r in roles) if (r is JsonValue v && v.TryGetValue<string>(out var s)) set.Add(s);
        if (claims["scp"] is JsonValue scp && scp.TryGetValue<string>(out var scopes))
            foreach (var s in scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) set.Add(s);
        return set;
    }

    private static GraphResponse Read(GraphRequest req, TenantState tenant, string[] segs, bool loop)
    {
        var q = ODataQueryOptions.Parse(req.Query);
        tenant.Lock.EnterReadLock();
        try
        {
            var res = ResourceResolver.Resolve(tenant, segs);
            return CollectionResponder.Respond(req, tenant, res, q, loop);
        }
        finally
        {
            tenant.Lock.ExitReadLock();
        }
    }

    private static GraphResponse Patch(GraphRequest req, TenantState tenant, string[] segs)
    {
        JsonObject body;
        try
        {
            body = JsonNode.Parse(req.Body is { Length: > 0 } b ? b : "{}"u8.ToArray()) as JsonObject
                ?? throw new GraphErrorException(GraphError.BadRequest("Empty Payload. JSON content expected."));
        }
        catch (JsonException)
        {
            throw new GraphErrorException(GraphError.BadRequest(
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."));
        }
        tenant.Lock.EnterWriteLock();
        try
        {
            var res = ResourceResolver.Resolve(tenant, segs);
            if (res.Node is not JsonObject target)
                throw new GraphErrorException(
                    new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target."));
            foreach (var (k, v) in body) target[k] = v?.DeepClone();
            tenant.BumpVersion();
            if (segs.Length > 1 && segs[1].Equals("subscribedSkus", StringComparison.OrdinalIgnoreCase)) tenant.InvalidateDerived();
            return GraphResponse.NoContent();
        }
        finally
        {
            tenant.Lock.ExitWriteLock();
        }
    }

    /// <summary>The written entity as a 200 answer, cut half-way on the wire: the write took, its answer is not JSON.</summary>
    private static GraphResponse CutWriteAnswer(TenantState tenant, string[] segs)
    {
        tenant.Lock.EnterReadLock();
        try
        {
            var entity = ResourceResolver.Resolve(tenant, segs).Node?.ToJsonString() ?? "{}";
            return new GraphResponse(200, System.Text.Encoding.UTF8.GetBytes(entity), "application/json") { Malformed = true };
        }
        finally
        {
            tenant.Lock.ExitReadLock();
        }
    }

    private static GraphResponse SetMdmAuthority(TenantState tenant, string[] segs)
    {
        tenant.Lock.EnterWriteLock();
        try
        {
            var org = ResourceResolver.Resolve(tenant, segs[..3]).Node as JsonObject
                ?? throw new GraphErrorException(GraphError.ResourceNotFound(segs[2]));
            org["mobileDeviceManagementAuthority"] = "intune";
            tenant.BumpVersion();
            return GraphResponse.NoContent();
        }
        finally
        {
            tenant.Lock.ExitWriteLock();
        }
    }
}
