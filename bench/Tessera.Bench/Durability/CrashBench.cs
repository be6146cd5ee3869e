using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Access;
using Tessera.Storage;
using Tessera.Storage.Directory;

namespace Tessera.Bench.Durability;

/// <summary>Crash safety: the real <c>tessera import</c> killed with SIGKILL at a random moment, again and again; after each
/// kill the store is reopened and checked (<see cref="CrashCheck"/>), <c>tessera audit verify</c> must pass, and the killed
/// import, run again, must succeed and then add nothing the time after.</summary>
/// <remarks>The killed import and its re-run are the real command; the checks after a kill, the audit verification (the
/// command itself every tenth iteration) and the idempotence run use the same storage and import code in this process.
/// After the kills, <see cref="RestartCheck"/> restarts the server and requires every unchecked contribution to be
/// cross-checked within <c>--restart-bound</c> seconds (default 60).
/// Usage: <c>crash --cli PATH/tessera.dll [--iterations 200] [--seed 1] [--min-rows 300] [--max-rows 3000] [--restart-bound 60] [--work DIR]</c>;
/// the store is the one the environment names (TESSERA_DATA or TESSERA_POSTGRES), and should be fresh. The kill delay is
/// drawn uniformly from zero to the duration of the latest import that ran to the end. Where the kill landed is told from
/// the store: a contribution present but not acknowledged was committed before the kill; an absent one was killed before or
/// during its write transaction, told apart by the write window the same file shows when it is imported again (an estimate).</remarks>
internal static class CrashBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cli = Arg(args, "--cli") ?? throw new ArgumentException("--cli PATH/tessera.dll is required");
        var iterations = int.Parse(Arg(args, "--iterations") ?? "200", CultureInfo.InvariantCulture);
        var random = new Random(int.Parse(Arg(args, "--seed") ?? "1", CultureInfo.InvariantCulture));
        var minRows = int.Parse(Arg(args, "--min-rows") ?? "300", CultureInfo.InvariantCulture);
        var maxRows = int.Parse(Arg(args, "--max-rows") ?? "3000", CultureInfo.InvariantCulture);
        var restartBound = TimeSpan.FromSeconds(int.Parse(Arg(args, "--restart-bound") ?? "60", CultureInfo.InvariantCulture));
        var work = Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), "tessera-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var mapping = Path.Combine(work, "crash.mapping.yml");
        await File.WriteAllTextAsync(mapping, CrashFiles.Mapping);
        var options = StorageOptions.FromEnvironment();
        await AddOrganisationsAsync(options);

        var runner = new CliRunner(cli, mapping);
        var files = new List<CrashFile>();
        var tally = new Tally();
        var total = Stopwatch.StartNew();

        // Calibration: one import run to the end gives the first "normal duration".
        var first = CrashFiles.Write(work, 0, (minRows + maxRows) / 2, "IT", random);
        files.Add(first);
        var calibration = await runner.ImportAsync(first, killAfter: null);
        if (!calibration.Acknowledged)
        {
            await Console.Error.WriteLineAsync("calibration import failed: " + calibration.Output);
            return 1;
        }

        first.Acknowledged = true;
        first.ContributionId = calibration.ContributionId;
        var normal = calibration.Duration;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {options.Provider}; calibration import {first.Rows} rows in {normal.TotalSeconds:0.00} s"));

        for (var i = 1; i <= iterations; i++)
        {
            var file = CrashFiles.Write(work, i, random.Next(minRows, maxRows + 1), i % 2 == 0 ? "IT" : "GR", random);
            files.Add(file);
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * normal.TotalMilliseconds);
            var run = await runner.ImportAsync(file, delay);
            file.Acknowledged = run.Acknowledged;
            file.ContributionId = run.ContributionId;
            var failures = await CrashCheck.RunAsync(options, files);
            var present = (await CrashCheck.WriteWindowAsync(options, file.Source)) is not null;
            // The storage method behind `tessera audit verify` after every kill; the command itself every tenth time and at the end.
            failures.AddRange(i % 10 == 0 || i == iterations ? await runner.VerifyAuditAsync() : await CrashCheck.VerifyAuditAsync(options));
            var line = string.Create(CultureInfo.InvariantCulture, $"{i,3}: {file.Rows,5} rows, delay {delay.TotalSeconds:0.000} s of {normal.TotalSeconds:0.000} s: ");
            if (!run.Killed)
            {
                tally.Finished++;
                line += run.Acknowledged ? "finished before the kill, acknowledged" : "finished before the kill, NOT acknowledged: " + run.Output;
                if (!run.Acknowledged)
                {
                    failures.Add(file.Source + ": import failed without a kill");
                }
                else if (run.Added)
                {
                    normal = run.Duration;
                }
            }
            else
            {
                var (outcome, rerunDuration) = await ReRunAsync(runner, options, file, run, present, failures, tally);
                normal = rerunDuration ?? normal;
                line += outcome;
                failures.AddRange(await CrashCheck.RunAsync(options, files));
            }

            tally.Failures += failures.Count;
            Console.WriteLine(line + (failures.Count == 0 ? "; checks ok" : "; FAILED: " + string.Join("; ", failures)));
        }

        // After the kills, a restart: every contribution stored but not cross-checked must be checked by the server within the bound.
        var restart = await RestartCheck.RunAsync(cli, runner, options, work, random, normal, restartBound, minRows, maxRows);
        restart.ForEach(f => Console.WriteLine("FAILED: " + f));
        tally.Failures += restart.Count;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary: {iterations} iterations on {options.Provider}: {tally.Killed} killed ({tally.DuringWrite} during the write transaction (est.), " +
            $"{tally.BeforeWrite} before it, {tally.AfterCommit} after the commit before the acknowledgement), {tally.Finished} finished before the kill; " +
            $"{tally.Failures} failures; {total.Elapsed.TotalSeconds:0} s"));
        return tally.Failures == 0 ? 0 : 1;
    }

    // The killed import again: it must succeed, hold the whole file once, and a further run must add nothing (content hash).
    private static async Task<(string Outcome, TimeSpan? FullDuration)> ReRunAsync(CliRunner runner, StorageOptions options, CrashFile file, ImportRun killed,
        bool present, List<string> failures, Tally tally)
    {
        tally.Killed++;
        var offset = (killed.KilledAt!.Value - killed.Started).TotalSeconds;
        var again = await runner.ImportAsync(file, killAfter: null);
        var window = await CrashCheck.WriteWindowAsync(options, file.Source);
        var outcome = string.Create(CultureInfo.InvariantCulture, $"killed at {offset:0.000} s, ");
        if (present)
        {
            tally.AfterCommit++;
            outcome += "committed before the kill";
        }
        else if (window is { } w && !again.Added)
        {
            failures.Add(file.Source + ": absent after the kill yet the re-run found it stored");
        }
        else if (window is { } written)
        {
            var began = (written.Began - again.Started).TotalSeconds;
            var ended = (written.Audited - again.Started).TotalSeconds;
            var during = offset >= began;
            if (during)
            {
                tally.DuringWrite++;
            }
            else
            {
                tally.BeforeWrite++;
            }

            outcome += string.Create(CultureInfo.InvariantCulture, $"absent; {(during ? "during the write" : "before the write")} (re-run wrote {began:0.000}–{ended:0.000} s)");
        }

        if (!again.Acknowledged || window is null)
        {
            failures.Add(file.Source + ": the re-run failed: " + again.Output);
            return (outcome, null);
        }

        file.Acknowledged = true;
        file.ContributionId = again.ContributionId;
        // The further run goes through the same import pipeline in this process (saving a process start per iteration).
        var third = await CrashCheck.ImportAgainAsync(options, file, runner.Mapping);
        if (third.Result.Added || third.Result.ContributionId != again.ContributionId)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Source}: a further run was not idempotent: added {third.Result.Statements} statements as contribution {third.Result.ContributionId}"));
        }

        // A kill between the commit and the cross-check on arrival: the re-run must have done the check.
        if (!await CrashCheck.CrossCheckedAsync(options, third.Result.ContributionId))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Source}: contribution {third.Result.ContributionId} was never cross-checked"));
        }

        return (outcome + string.Create(CultureInfo.InvariantCulture, $"; re-run {(again.Added ? "added" : "found")} contribution {again.ContributionId}, further run added nothing"),
            again.Added ? again.Duration : null);
    }

    private static async Task AddOrganisationsAsync(StorageOptions options)
    {
        await using var store = await Store.OpenAsync(options);
        foreach (var org in new[] { new Organisation("IT", "Italy", "IT", "national"), new Organisation("GR", "Greece", "GR", "national") })
        {
            if (await store.Directory.OrganisationAsync(org.Code) is null)
            {
                await store.Directory.AddOrganisationAsync(org, Principal.System);
            }
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private sealed class Tally
    {
        public int Killed { get; set; }

        public int DuringWrite { get; set; }

        public int BeforeWrite { get; set; }

        public int AfterCommit { get; set; }

        public int Finished { get; set; }

        public int Failures { get; set; }
    }
}
