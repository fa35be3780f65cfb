using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>
/// Headless Chromium (the Debian package) driven over the DevTools protocol: one page, commands
/// by id, every event kept for the test to inspect. No browser-automation package needed.
/// </summary>
public sealed class ChromiumDevTools : IAsyncDisposable
{
    public const string InstallCommand = "apt-get update && apt-get install -y --no-install-recommends chromium";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;
    private Task _reader = Task.CompletedTask;

    private ChromiumDevTools(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Every event received, in order (method, params).</summary>
    public ConcurrentQueue<(string Method, JsonObject Params)> Events { get; } = new();

    /// <summary>The chromium executable, or null when it is not installed.</summary>
    public static string? FindExecutable()
    {
        foreach (var name in new[] { "chromium", "chromium-browser" })
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }

    public static async Task<ChromiumDevTools> StartAsync(string executable, int width, int height)
    {
        var profile = Path.Combine(Path.GetTempPath(), "ft-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--remote-debugging-port=0", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--disable-extensions", "--hide-scrollbars", "--mute-audio", $"--window-size={width},{height}", $"--user-data-dir={profile}",
            "about:blank",
        })
        {
            psi.ArgumentList.Add(argument);
        }

        var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var session = new ChromiumDevTools(process, profile);
        try
        {
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
            {
                if (process.HasExited) throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await stderr}");
                if (DateTime.UtcNow > deadline) throw new TimeoutException("chromium did not write DevToolsActivePort within 30 s.");
                await Task.Delay(100);
            }

            var port = int.Parse(File.ReadAllLines(portFile)[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
            var page = targets.FirstOrDefault(t => (string?)t!["type"] == "page")
                ?? throw new InvalidOperationException("chromium has no page target.");
            await session._socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
            session._reader = Task.Run(session.ReadLoop);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task<JsonObject> SendAsync(string method, object? parameters = null, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var pending = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = pending;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        var response = await pending.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        if (response["error"] is JsonNode error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return response["result"]?.AsObject() ?? new JsonObject();
    }

    /// <summary>Runtime.evaluate with the value returned as JSON; throws when the script threw.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result["exceptionDetails"] is JsonNode details) throw new InvalidOperationException("Script threw: " + details.ToJsonString());
        return result["result"]?["value"]?.DeepClone();
    }

    public async Task WaitForEventAsync(string method, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Events.Any(e => e.Method == method))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {method} within {timeout.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    private async Task ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                var node = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
                message.SetLength(0);
                if (node["id"] is JsonNode idNode && _pending.TryRemove(idNode.GetValue<int>(), out var pending))
                {
                    pending.TrySetResult(node);
                }
                else if (node["method"] is JsonNode method)
                {
                    Events.Enqueue((method.GetValue<string>(), node["params"]?.AsObject() ?? new JsonObject()));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
