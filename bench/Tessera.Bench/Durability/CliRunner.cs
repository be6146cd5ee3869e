using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Bench.Durability;

/// <summary>One run of <c>tessera import</c>: whether it was killed, what it printed, and whether it acknowledged the file.</summary>
/// <param name="Acknowledged">It printed its success line and exited 0 before any kill.</param>
/// <param name="Added">Its success line said the contribution was added (not found stored already).</param>
internal sealed record ImportRun(DateTimeOffset Started, TimeSpan Duration, bool Killed, DateTimeOffset? KilledAt, int ExitCode, string Output,
    bool Acknowledged, bool Added, long? ContributionId);

/// <summary>Runs the real <c>tessera</c> command as a child process (same environment, so the same store).</summary>
internal sealed partial class CliRunner(string cliDll, string mapping)
{
    /// <summary>The mapping file every import uses.</summary>
    public string Mapping => mapping;

    /// <summary>Imports <paramref name="file"/>; when <paramref name="killAfter"/> is given and the process still runs then,
    /// kills it with SIGKILL (<see cref="Process.Kill()"/> on Unix).</summary>
    public async Task<ImportRun> ImportAsync(CrashFile file, TimeSpan? killAfter)
    {
        using var process = Start("import", file.Path, "--mapping", mapping, "--org", file.Organisation);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        DateTimeOffset? killedAt = null;
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            killedAt = DateTimeOffset.UtcNow;
            process.Kill();
        }

        await process.WaitForExitAsync();
        var duration = clock.Elapsed;
        var output = (await stdout).Trim() + (await stderr).Trim();
        // The exit status decides, not the clock: a kill that came after a clean exit of 0 killed nothing.
        var killed = process.ExitCode != 0 && killedAt is not null;
        var added = AddedLine().Match(output);
        var found = FoundLine().Match(output);
        var acknowledged = process.ExitCode == 0 && (added.Success || found.Success);
        long? id = added.Success ? long.Parse(added.Groups[1].Value, CultureInfo.InvariantCulture)
            : found.Success ? long.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        return new ImportRun(started, duration, killed, killed ? killedAt : null, process.ExitCode, output, acknowledged, added.Success, acknowledged ? id : null);
    }

    /// <summary>Runs <c>tessera audit verify</c>; an empty list when it exits 0 saying the log is intact.</summary>
    public async Task<List<string>> VerifyAuditAsync()
    {
        using var process = Start("audit", "verify");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = (await stdout).Trim() + (await stderr).Trim();
        return process.ExitCode == 0 && output.StartsWith("audit log intact", StringComparison.Ordinal) ? [] : ["audit verify: " + output];
    }

    private Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(cliDll);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("cannot start " + cliDll);
    }

    [GeneratedRegex(@"^contribution (\d+):", RegexOptions.Multiline)]
    private static partial Regex AddedLine();

    [GeneratedRegex(@"^already imported as contribution (\d+):", RegexOptions.Multiline)]
    private static partial Regex FoundLine();
}
