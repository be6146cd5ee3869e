using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tessera.Bench.Load;

/// <summary>What one load phase measured.</summary>
internal sealed record LoadResult(string Label, string Kind, int Workers, double Seconds, long Requests, long Errors, double PerSecond,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, double Hits, double ServerCores, double ServerCpuMsPerCheck, double DatabaseCores, double DriverCores, string Load1);

/// <summary>Drives the REST API with N concurrent workers (closed loop: each sends its next check when the last is answered)
/// for a fixed time, after a warm-up, and measures throughput, latency percentiles, errors and the server's CPU use.</summary>
internal sealed class LoadDriver(Uri baseUri, IReadOnlyList<string> tokens, IReadOnlyList<string> bodies)
{
    public async Task<LoadResult> RunAsync(string label, string kind, int workers, TimeSpan warmup, TimeSpan duration, int? serverPid, string? database)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = workers, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var path = kind == "person" ? "/api/v1/checks/person" : "/api/v1/checks/identifier";

        // The first check builds the server's resident index from storage (tens of seconds for the reference list): one check
        // with a long timeout first, then the warm-up (JIT, connection pools) with the same workers, nothing recorded.
        using (var first = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(bodies[0], Encoding.UTF8, "application/json") })
        using (var patient = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(10) })
        {
            first.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[0]);
            (await patient.SendAsync(first)).EnsureSuccessStatusCode();
        }

        await PhaseAsync(client, path, workers, warmup, record: false);

        var server = serverPid is { } pid ? Process.GetProcessById(pid) : null;
        var serverCpu0 = server?.TotalProcessorTime ?? TimeSpan.Zero;
        var driverCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var databaseCpu0 = DatabaseCpu(database);
        var clock = Stopwatch.StartNew();
        var lanes = await PhaseAsync(client, path, workers, duration, record: true);
        var wall = clock.Elapsed.TotalSeconds;
        server?.Refresh();
        var serverCores = server is null ? double.NaN : (server.TotalProcessorTime - serverCpu0).TotalSeconds / wall;
        var driverCores = (Process.GetCurrentProcess().TotalProcessorTime - driverCpu0).TotalSeconds / wall;
        var databaseCores = database is null ? 0 : DatabaseCpu(database).Sum(p => p.Value.TotalSeconds - databaseCpu0.GetValueOrDefault(p.Key).TotalSeconds) / wall;

        var latencies = lanes.SelectMany(l => l.Latencies).Order().ToArray();
        var requests = latencies.Length;
        var errors = lanes.Sum(l => l.Errors);
        var hits = lanes.Sum(l => l.Hits);
        double Pct(double p) => requests == 0 ? double.NaN : latencies[Math.Min(requests - 1, (int)Math.Ceiling(p * requests) - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(label, kind, workers, Math.Round(wall, 2), requests, errors, Math.Round(requests / wall, 1),
            Math.Round(Pct(0.50), 2), Math.Round(Pct(0.95), 2), Math.Round(Pct(0.99), 2), Math.Round(Pct(1.0), 2),
            requests == 0 ? 0 : Math.Round((double)hits / requests, 3), Math.Round(serverCores, 2), Math.Round(serverCores * 1000 * wall / Math.Max(1, requests), 3), Math.Round(databaseCores, 2), Math.Round(driverCores, 2),
            File.ReadAllText("/proc/loadavg").Split(' ')[0]);
    }

    private async Task<Lane[]> PhaseAsync(HttpClient client, string path, int workers, TimeSpan duration, bool record)
    {
        var lanes = Enumerable.Range(0, workers).Select(w => new Lane(w)).ToArray();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(lanes.Select(lane => Task.Run(() => WorkAsync(client, path, lane, end, record))));
        return lanes;
    }

    private async Task WorkAsync(HttpClient client, string path, Lane lane, long end, bool record)
    {
        // Each worker signs in as one of the analysts (round robin) and walks the query list from its own offset.
        var token = tokens[lane.Worker % tokens.Count];
        var next = (lane.Worker * 7919) % bodies.Count;
        while (Stopwatch.GetTimestamp() < end)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(bodies[next], Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            next = (next + 1) % bodies.Count;
            var start = Stopwatch.GetTimestamp();
            var ok = false;
            var hit = false;
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                var text = await response.Content.ReadAsStringAsync();
                ok = response.StatusCode == HttpStatusCode.OK;
                hit = ok && IsHit(text);
                if (!ok && lane.Errors < 3)
                {
                    await Console.Error.WriteLineAsync($"HTTP {(int)response.StatusCode}: {text[..Math.Min(200, text.Length)]}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (lane.Errors < 3)
                {
                    await Console.Error.WriteLineAsync(e.GetType().Name + ": " + e.Message);
                }
            }

            var elapsed = Stopwatch.GetTimestamp() - start;
            if (record)
            {
                lane.Latencies.Add(elapsed);
                lane.Errors += ok ? 0 : 1;
                lane.Hits += hit ? 1 : 0;
            }
        }
    }

    // A screening answer is a hit when it lists a visible match or a withheld reference.
    private static bool IsHit(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("visible").GetArrayLength() + doc.RootElement.GetProperty("withheld").GetArrayLength() > 0;
    }

    // CPU time of the PostgreSQL backends serving one database, from /proc: their title names it ("postgres: USER DB HOST(PORT) …");
    // utime + stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (USER_HZ, 100 on Linux).
    private static Dictionary<int, TimeSpan> DatabaseCpu(string? database)
    {
        var result = new Dictionary<int, TimeSpan>();
        if (database is null)
        {
            return result;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var title = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (!title.StartsWith("postgres: ", StringComparison.Ordinal) || !title.Split(' ').Contains(database, StringComparer.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // After "pid (comm) ", field 3 (state) is index 0: utime (14) and stime (15) are at 11 and 12.
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[pid] = TimeSpan.FromSeconds(ticks / 100.0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended between listing and reading.
            }
        }

        return result;
    }

    private sealed class Lane(int worker)
    {
        public int Worker { get; } = worker;

        public List<long> Latencies { get; } = new(capacity: 1 << 16);

        public long Errors { get; set; }

        public long Hits { get; set; }
    }

    /// <summary>A one-line table row of a result.</summary>
    public static string Row(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Label} | {r.Kind} | {r.Workers} | {r.Requests} | {r.PerSecond:0} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} | {r.MaxMs:0.0} | {r.Errors} | {r.Hits:0.00} | {r.ServerCores:0.00} | {r.ServerCpuMsPerCheck:0.00} | {r.DatabaseCores:0.00} | {r.DriverCores:0.00} | {r.Load1} |");
}
