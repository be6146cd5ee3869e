using System.CommandLine;
using System.Globalization;
using Tessera.Core.Reporting;
using Tessera.Storage.Reporting;
using Tessera.Web.Reports;

namespace Tessera.Cli;

/// <summary><c>tessera report barometer</c>: the Schengen Barometer+ for a period, written as PDF, HTML, JSON or CSV by the
/// output file's extension, as the acting user may generate it.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Reports computed from the data: the Schengen Barometer+.");
        command.Subcommands.Add(Barometer());
        return command;
    }

    private static Command Barometer()
    {
        var from = new Option<string>("--from") { Description = "First month of the period (YYYY-MM)", Required = true };
        var to = new Option<string>("--to") { Description = "Last month of the period (YYYY-MM)", Required = true };
        var output = new Option<string>("--out") { Description = "The file to write: .pdf, .html, .json or .csv", Required = true };
        var user = CliContext.AsOption();
        var threshold = new Option<int>("--threshold") { Description = "Suppress counts below this (default 5)", DefaultValueFactory = _ => Suppression.DefaultThreshold };
        var command = new Command("barometer", "The Barometer+ report: the actions of Council note 13901/23 and the indicators, aggregates only; progress on stderr.")
        {
            from, to, output, user, threshold,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!;
            var format = ReportFormats.OfFile(path);
            var period = ReportPeriod.Parse(parse.GetValue(from), parse.GetValue(to));
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            var error = CliContext.Error(parse);
            var progress = new SyncProgress(p => error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report: {p.Step} {p.Fraction:P0}")));
            var report = await store.Barometer.ReportAsync(principal, period, parse.GetValue(threshold), progress, ct);
            await error.WriteLineAsync($"report: writing {format}");
            var bytes = ReportFormats.Render(report, format);
            await File.WriteAllBytesAsync(path, bytes, ct);
            await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path}\t{bytes.Length} bytes\t{report.Indicators.Count} indicators"));
            return ExitCodes.Ok;
        });
        return command;
    }

    // Reports on the caller's thread, in order (Progress<T> would post to the thread pool and could interleave with the output).
    private sealed class SyncProgress(Action<ReportProgress> report) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value) => report(value);
    }
}
