using System.Diagnostics;
using System.Globalization;
using Dapper;
using Tessera.Core.Audit;
using Tessera.Storage;

namespace Tessera.Bench.Durability;

/// <summary>The audit bar: a million entries written through the real audit writer, the whole chain verified, then single
/// entries tampered with at random positions (a field altered, an entry forged and re-hashed, one deleted, two swapped),
/// each of which must be found with the first broken entry named, and put back.</summary>
/// <remarks>Usage: <c>audit [--entries 1000000] [--batch 10000] [--seed 7]</c> on the store the environment names
/// (TESSERA_DATA or TESSERA_POSTGRES), which should be fresh. Prints times, the process's peak working set and the
/// managed bytes allocated by the verification.</remarks>
internal static class AuditBench
{
    private static readonly string[] Actions = ["entity.read", "entity.search", "contribution.write", "hit.create", "check.person", "case.read", "audit.read", "export.csv"];
    private static readonly string[] Organisations = ["IT", "GR", "MT", "DE", "EU-HUB", "FX"];
    private static readonly string[] Outcomes = ["Allow", "HitOnly", "Deny", "Reduced", "ok", "none"];

    public static async Task<int> RunAsync(string[] args)
    {
        var entries = long.Parse(Arg(args, "--entries") ?? "1000000", CultureInfo.InvariantCulture);
        var batch = int.Parse(Arg(args, "--batch") ?? "10000", CultureInfo.InvariantCulture);
        var random = new Random(int.Parse(Arg(args, "--seed") ?? "7", CultureInfo.InvariantCulture));
        var options = StorageOptions.FromEnvironment();
        await using var store = await Store.OpenAsync(options);
        var already = await store.Audit.CountAsync();

        var clock = Stopwatch.StartNew();
        for (var written = already; written < entries; written += batch)
        {
            var n = (int)Math.Min(batch, entries - written);
            await store.Audit.AppendAsync(Enumerable.Range(0, n).Select(i => Event(written + i, random)));
        }

        var total = await store.Audit.CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Provider}: wrote {total - already:N0} entries in batches of {batch:N0} in {clock.Elapsed.TotalSeconds:0.0} s; the log holds {total:N0}"));

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        var result = await store.Audit.VerifyAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verify: {(result.Intact ? "intact" : "BROKEN at " + result.FirstBroken)}, {result.Checked:N0} entries in {seconds:0.00} s = {result.Checked / seconds:N0} entries/s; " +
            $"{allocated / (double)result.Checked:0} bytes allocated per entry; peak working set of this process {self.PeakWorkingSet64 / 1048576.0:0} MB"));
        var failures = result.Intact ? 0 : 1;
        failures += await AuditTamper.RunAsync(store, total, random);

        clock.Restart();
        var after = await store.Audit.VerifyAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after putting every tampered entry back: {(after.Intact ? "intact" : "BROKEN at " + after.FirstBroken)}, {after.Checked:N0} entries in {clock.Elapsed.TotalSeconds:0.00} s"));
        failures += after.Intact ? 0 : 1;
        Console.WriteLine(failures == 0 ? "audit bench: all checks passed" : string.Create(CultureInfo.InvariantCulture, $"audit bench: {failures} FAILURES"));
        return failures == 0 ? 0 : 1;
    }

    // A realistic mix: reads, searches, writes, hits and checks by analysts of several organisations.
    private static AuditEvent Event(long i, Random random)
    {
        var org = Organisations[random.Next(Organisations.Length)];
        var action = Actions[random.Next(Actions.Length)];
        return new AuditEvent(
            string.Create(CultureInfo.InvariantCulture, $"{org.ToLowerInvariant()}.analyst{random.Next(40)}"), org, action,
            string.Create(CultureInfo.InvariantCulture, $"entity:{org}-{random.Next(2_000_000):D7}"), Outcomes[random.Next(Outcomes.Length)],
            action == "entity.search" ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(50)} shown, {random.Next(5)} hit-only; entry {i}") : "");
    }

    private static string? Arg(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
