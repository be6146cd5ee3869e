using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Storage;
using Tessera.Storage.Contributions;

namespace Tessera.Bench.Durability;

/// <summary>The restart check of the crash bench (issue #12 point 7): imports killed and never re-run leave contributions
/// stored but not cross-checked; a restarted <c>tessera serve</c> must cross-check every one of them within a bound.</summary>
/// <remarks>A kill lands between the commit and the cross-check only now and then, so a few contributions are also written
/// without their check through the storage API (the same state, made on purpose): the check is never vacuous.</remarks>
internal static class RestartCheck
{
    private const int Kills = 10;
    private const int WrittenUnchecked = 3;

    public static async Task<List<string>> RunAsync(string cli, CliRunner runner, StorageOptions options, string work, Random random,
        TimeSpan normal, TimeSpan bound, int minRows, int maxRows)
    {
        for (var i = 0; i < Kills; i++)
        {
            var file = CrashFiles.Write(work, 9000 + i, random.Next(minRows, maxRows + 1), i % 2 == 0 ? "IT" : "GR", random);
            await runner.ImportAsync(file, TimeSpan.FromMilliseconds(random.NextDouble() * normal.TotalMilliseconds));
        }

        var byKills = await UncheckedAsync(options);
        await WriteWithoutCheckAsync(options, work, runner.Mapping, random, minRows);
        var before = await UncheckedAsync(options);

        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}");
        using var server = StartServer(cli, url);
        var clock = Stopwatch.StartNew();
        var left = before;
        while (left > 0 && clock.Elapsed < bound && !server.HasExited)
        {
            await Task.Delay(250);
            left = await UncheckedAsync(options);
        }

        var elapsed = clock.Elapsed;
        var exited = server.HasExited;
        if (!exited)
        {
            server.Kill();
        }

        await server.WaitForExitAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"restart check: {before} contributions stored but not cross-checked ({byKills} left by {Kills} kills without re-run, {WrittenUnchecked} written without their check); " +
            $"{before - left} cross-checked {elapsed.TotalSeconds:0.0} s after `tessera serve` started, {left} left (bound {bound.TotalSeconds:0} s)"));
        if (left == 0)
        {
            return [];
        }

        var why = exited ? " (the server exited: " + await server.StandardError.ReadToEndAsync() + ")" : "";
        return [string.Create(CultureInfo.InvariantCulture, $"restart check: {left} contributions still not cross-checked {elapsed.TotalSeconds:0.0} s after restart{why}")];
    }

    private static async Task<long> UncheckedAsync(StorageOptions options)
    {
        await using var store = await Store.OpenAsync(options);
        await using var connection = await store.ConnectAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM contributions c WHERE NOT EXISTS (SELECT 1 FROM crosschecked k WHERE k.contribution_id = c.id)");
    }

    // The state a kill between the commit and the cross-check leaves: the contribution and its audit entry, no check.
    private static async Task WriteWithoutCheckAsync(StorageOptions options, string work, string mapping, Random random, int rows)
    {
        await using var store = await Store.OpenAsync(options);
        for (var i = 0; i < WrittenUnchecked; i++)
        {
            var file = CrashFiles.Write(work, 9500 + i, rows, "IT", random);
            var request = new ContributionRequest(file.Organisation, null);
            var prepared = await ContributionImport.PrepareAsync(store, file.Path, mapping, request);
            var contribution = request.ToContribution(prepared.Source, prepared.ContentHash, "crash-bench", store.Time.GetUtcNow());
            await store.Contributions.WriteAsync(contribution, prepared.Entities, Principal.System);
        }
    }

    private static Process StartServer(string cli, string url)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { cli, "serve", "--urls", url })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + cli);
        // Drain standard output so that the server never blocks on a full pipe; standard error is read if it exits.
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
