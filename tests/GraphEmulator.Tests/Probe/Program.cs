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
        _ => throw new ArgumentException("unknown mode " + args[0]),
    };
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    var token = await credential.GetTokenAsync(new TokenRequestContext(["https://graph.microsoft.com/.default"]), cts.Token);
    Console.WriteLine("TOKEN " + token.Token);
    return 0;
}
catch (Exception ex)
{
    Console.WriteLine("ERROR " + ex.GetType().Name + ": " + ex.Message.Replace('\n', ' '));
    return 1;
}
