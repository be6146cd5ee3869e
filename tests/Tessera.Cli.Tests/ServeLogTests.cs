using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Tessera.Cli.Tests;

/// <summary><c>tessera serve</c> as operators run it: with <c>TESSERA_LOG_FORMAT=json</c> every application log line on stdout
/// is one JSON object (the framework's JSON console formatter), with its level, category and message.</summary>
public sealed class ServeLogTests
{
    [Fact]
    public async Task Serve_JsonFormat_WritesLogLinesThatParseAsJson()
    {
        var lines = await ServeAsync(new Dictionary<string, string> { ["TESSERA_LOG_FORMAT"] = "json" });

        var json = lines.Where(l => l.StartsWith('{')).ToList();
        Assert.NotEmpty(json);
        foreach (var line in json)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.False(string.IsNullOrEmpty(entry.RootElement.GetProperty("LogLevel").GetString()));
            Assert.False(string.IsNullOrEmpty(entry.RootElement.GetProperty("Category").GetString()));
            // UTC, to the millisecond, ISO 8601: what log collectors parse without a pattern.
            Assert.True(DateTimeOffset.TryParseExact(entry.RootElement.GetProperty("Timestamp").GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _), line);
        }

        Assert.Contains(json, l => l.Contains("Now listening on", StringComparison.Ordinal));
        // Only Tessera's own lines and the host's lifetime: no line per request at information.
        Assert.DoesNotContain(json, l => l.Contains("Request starting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_SimpleFormat_WritesNoJson()
    {
        var lines = await ServeAsync(new Dictionary<string, string> { ["TESSERA_LOG_FORMAT"] = "simple" });

        Assert.Contains(lines, l => l.Contains("Now listening on", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith('{'));
    }

    // Starts the real process on a fresh SQLite data folder, waits until it is ready, asks it a few things, and stops it.
    private static async Task<IReadOnlyList<string>> ServeAsync(Dictionary<string, string> environment)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "tessera.dll"), "serve", "--urls", url })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["TESSERA_DATA"] = Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N"));
        start.Environment.Remove("TESSERA_POSTGRES");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddSeconds(180);
            while (!server.HasExited && DateTime.UtcNow < deadline)
            {
                try
                {
                    if ((await http.GetAsync(new Uri(url + "/health/ready"))).StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(250);
            }

            Assert.False(server.HasExited, "tessera serve exited: " + string.Join('\n', lines));
            await http.GetAsync(new Uri(url + "/api/v1/entities/IT:nothing"));
            await http.GetAsync(new Uri(url + "/openapi/v1.json"));
            // The console logger writes from its own queue.
            await Task.Delay(500);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        return lines.ToList();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
