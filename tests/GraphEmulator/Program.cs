using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.GraphEmulator;

// dotnet GraphEmulator.dll --tenant a.json [--tenant b.json] [--tenant-demo] [--tenant-name trial-only] [--synthetic "users=…,…"]
//     [--teams-webhook MARKER]
//     [--state-dir DIR] [--ready-file FILE] [--seed N] [--latency-ms N] [--no-area-limits] [--intune-filters ignore|strict|honour]
// Prints "GRAPH_EMULATOR_READY {json}" and writes the same JSON to --ready-file when listening;
// stops on SIGTERM or Ctrl+C.
var options = new EmulatorOptions();
string? readyFile = null;
string? teamsMarker = null;
ITenantSource source = new CatalogTenantSource();
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--tenant":
                options.Tenants.Add(JsonNode.Parse(File.ReadAllText(Value())) as JsonObject
                    ?? throw new ArgumentException("tenant file is not a JSON object"));
                break;
            case "--tenant-demo": options.Tenants.Add(source.Demo()); break;
            // Any TenantCatalog name, so scripts can start several edge tenants without fixture files.
            case "--tenant-name": options.Tenants.Add(source.Named(Value())); break;
            case "--synthetic": options.Tenants.Add(source.Synthetic(SyntheticSpec.Parse(Value()))); break;
            case "--state-dir": options.StateDirectory = Value(); break;
            case "--ready-file": readyFile = Value(); break;
            case "--seed": options.FaultSeed = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
            case "--latency-ms": options.GlobalLatencyMs = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
            case "--no-area-limits": options.GraphAreaLimits = false; break;
            // A Teams webhook stand-in beside Graph (Send-FastTrackReport tests); the value goes into its URL path.
            case "--teams-webhook": teamsMarker = Value(); break;
            case "--intune-filters":
                options.IntuneFilters = Value() switch
                {
                    "ignore" => IntuneFilterMode.Ignore,
                    "strict" => IntuneFilterMode.Strict,
                    "honour" or "honor" => IntuneFilterMode.Honour,
                    var other => throw new ArgumentException($"--intune-filters takes ignore|strict|honour, not '{other}'"),
                }; break;
            default: throw new ArgumentException($"unknown option {args[i]}");
        }
    }
}
catch (Exception e) when (e is ArgumentException or IOException or JsonException or NotSupportedException or NotImplementedException
    or FormatException)
{
    Console.Error.WriteLine("graph-emulator: " + e.Message);
    return 2;
}

await using var server = await GraphEmulatorServer.StartAsync(options);
await using var teams = teamsMarker is null
    ? null
    : await FastTrack.Onboarding.GraphEmulator.Teams.TeamsWebhookStandIn.StartAsync(teamsMarker);
// The tenant was just built: every node is young. Left so, the first run's collections would promote (copy) the
// whole tenant through gen0 and gen1 while the client is being timed; two full compacting collections here settle it
// in gen2 before anyone is told the emulator is ready.
for (var pass = 0; pass < 2; pass++) GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
var ready = new JsonObject
{
    ["teamsWebhookUrl"] = teams?.WebhookUrl.ToString(),
    ["teamsControlUrl"] = teams?.BaseUrl.ToString(),
    ["httpUrl"] = server.HttpUrl.ToString(),
    ["httpsUrl"] = server.HttpsUrl.ToString(),
    ["caCertificatePath"] = server.CaCertificatePath,
    ["pid"] = Environment.ProcessId,
}.ToJsonString();

var stop = new TaskCompletionSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });

if (readyFile is not null)
{
    // Atomic: a watcher never reads a half-written file.
    var tmp = readyFile + ".tmp";
    File.WriteAllText(tmp, ready);
    File.Move(tmp, readyFile, overwrite: true);
}
Console.WriteLine("GRAPH_EMULATOR_READY " + ready);
Console.Out.Flush();
await stop.Task;
return 0;
