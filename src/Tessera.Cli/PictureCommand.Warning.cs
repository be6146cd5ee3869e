using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Core.Picture;
using Tessera.Storage;

namespace Tessera.Cli;

/// <summary><c>tessera picture backtest</c> and <c>tessera picture alerts</c>: early warning on routes and nationalities.</summary>
internal static partial class PictureCommand
{
    private static readonly double[] SensitivityThresholds = [2.0, 2.5, 3.0, 3.5, 4.0];

    private static Command Backtest(Func<Task<Store>> open)
    {
        var file = new Option<string?>("--file") { Description = "Run on this detections file instead of the stored Frontex data" };
        var from = new Option<string>("--from") { Description = "First month scored", DefaultValueFactory = _ => "2010-01" };
        var to = new Option<string?>("--to") { Description = "Last month scored (default: the last month of data)" };
        var threshold = new Option<double>("--threshold") { Description = "Alert level in robust standard deviations", DefaultValueFactory = _ => new EarlyWarningOptions().Threshold };
        var output = new Option<string?>("--out") { Description = "Write the Markdown report to this file (e.g. docs/early-warning.md)" };
        var command = new Command("backtest", "Replay the early-warning rule over history: lead time on large surges and false-alert rate, per route.") { file, from, to, threshold, output };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<DetectionCount> detections;
            string note;
            if (parse.GetValue(file) is { } path)
            {
                var batch = DetectionFiles.Read(path);
                detections = batch.Detections;
                note = $"{batch.FileName} ({batch.Format}, source {batch.Source}, vintage {batch.Vintage ?? "not stated"})";
            }
            else
            {
                await using var store = await open();
                detections = await store.Picture.DetectionsAsync(PictureSources.Frontex, ct);
                note = "the stored Frontex detections (current vintage)";
            }

            if (detections.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("tessera: no detections to backtest; import Frontex's workbook first or pass --file");
                return ExitCodes.BadInput;
            }

            var last = parse.GetValue(to) is { } t ? YearMonth.Parse(t) : detections.Max(d => d.Month);
            var first = YearMonth.Parse(parse.GetValue(from)!);
            var options = new EarlyWarningOptions(Threshold: parse.GetValue(threshold));
            var main = EarlyWarningBacktest.Run(detections, first, last, options, new SurgeDefinition());
            var others = SensitivityThresholds.Where(x => x != options.Threshold)
                .Select(x => EarlyWarningBacktest.Run(detections, first, last, options with { Threshold = x }, new SurgeDefinition())).ToList();
            var commandLine = "tessera " + string.Join(' ', parse.Tokens.Select(tk => tk.Value.Contains(' ', StringComparison.Ordinal) ? $"\"{tk.Value}\"" : tk.Value));
            var markdown = BacktestReport.ToMarkdown(main, others, commandLine, note);
            if (parse.GetValue(output) is { } outFile)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
                await File.WriteAllTextAsync(outFile, markdown, ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(Inv(
                    $"{main.Flagged} of {main.SurgeCount} surges flagged, median lead {main.MedianLead?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"} months, false-alert rate {main.FalseAlertRate:P1}; written to {outFile}"));
            }
            else
            {
                await parse.InvocationConfiguration.Output.WriteAsync(markdown);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Alerts(Func<Task<Store>> open)
    {
        var month = new Option<string?>("--month") { Description = "Month to scan, YYYY-MM (default: the last month of data)" };
        var top = new Option<int>("--top") { Description = "How many top nationalities per route to scan", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var method = new Option<string>("--method") { Description = "robust (default: seasonally adjusted, robust spread) or seasonal-naive (twice the same months a year earlier)", DefaultValueFactory = _ => "robust" };
        var command = new Command("alerts", "Early-warning alerts for a month, per route and per top nationality.") { month, top, json, method };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await open();
            var detections = await store.Picture.DetectionsAsync(PictureSources.Frontex, ct);
            if (detections.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("tessera: no detections stored; import Frontex's workbook first");
                return ExitCodes.BadInput;
            }

            var m = parse.GetValue(month) is { } text ? YearMonth.Parse(text) : detections.Max(d => d.Month);
            var alerts = EarlyWarning.Scan(detections, m, new EarlyWarningOptions(Method: EarlyWarning.ParseMethod(parse.GetValue(method))), parse.GetValue(top));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(alerts, Json));
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync(Inv($"{alerts.Count} alerts for {m}"));
            foreach (var a in alerts)
            {
                await output.WriteLineAsync(Inv($"{a.Route}\t{a.Nationality ?? "(all)"}\t{a.Count:N0} this month\t{a.Smoothed:N0} over 3 months against {a.Expected:N0} expected\tscore {a.Score:0.0}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
