using Azure.Core;
using Azure.Identity;

// Usage: probe secret <authorityHost> <tenantId> <clientId> <secret>
//        probe mi [clientId]
// Prints "TOKEN <jwt>" on success, "ERROR <type>: <message>" and exit code 1 on failure.
try
{
    TokenCredential credential = args[0] switch
    {
        "secret" => new ClientSecretCredential(args[2], args[3], args[4],
            new ClientSecretCredentialOptions { AuthorityHost = new Uri(args[1]), DisableInstanceDiscovery = true }),
        "mi" => args.Length > 1
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(args[1]))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned),
        // mi-switch <endpoint2>: one token with the inherited IDENTITY_ENDPOINT, then switch the variable in-process
        // and ask a NEW credential: shows whether MSAL caches the managed-identity endpoint per process.
        "mi-switch" => new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned),
        _ => throw new ArgumentException("unknown mode " + args[0]),
    };
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    var token = await credential.GetTokenAsync(new TokenRequestContext(["https://graph.microsoft.com/.default"]), cts.Token);
    Console.WriteLine("TOKEN " + token.Token);
    if (args[0] == "mi-switch")
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", args[1]);
        var second = await new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            .GetTokenAsync(new TokenRequestContext(["https://example.test/.default"]), cts.Token); // another resource: no cache hit
        Console.WriteLine("TOKEN2 " + second.Token);
    }
    return 0;
}
catch (Exception ex)
{
    Console.WriteLine("ERROR " + ex.GetType().Name + ": " + ex.Message.Replace('\n', ' '));
    return 1;
}
