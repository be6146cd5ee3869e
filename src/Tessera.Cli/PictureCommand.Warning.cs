using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Core.Picture;
using Tessera.Storage;

namespace Tessera.Cli;

/// <summary><c>tessera picture backtest</c> and <c>tessera picture alerts</c>: early warning on routes and nationalities.</summary>
internal static partial class PictureCommand
{
    private static Command Backtest(Func<Task<Store>> open)
    {
        var file = new Option<string?>("--file") { Description = "Run on this detections file instead of the stored Frontex data" };
        var from = new Option<string>("--from") { Description = "First month scored", DefaultValueFactory = _ => "2010-01" };
        var trainTo = new Option<string>("--train-to") { Description = "Last month of the training years, on which each method's settings are chosen", DefaultValueFactory = _ => "2016-12" };
        var to = new Option<string?>("--to") { Description = "Last month scored (default: the last month of data)" };
        var output = new Option<string?>("--out") { Description = "Write the Markdown report to this file (e.g. docs/early-warning.md)" };
        var command = new Command("backtest", "Choose each early-warning method's settings on the training years, then score every method on the later years (fixed split and rolling origin): surges flagged, lead and false alerts, per route.") { file, from, trainTo, to, output };
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
            var trainLast = YearMonth.Parse(parse.GetValue(trainTo)!);
            if (trainLast < first || trainLast >= last)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(Inv($"tessera: --train-to {trainLast} must lie between --from {first} and the last month scored {last}"));
                return ExitCodes.BadInput;
            }

            var progress = new Progress<string>(line => parse.InvocationConfiguration.Error.WriteLine("backtest: " + line));
            var backtest = EarlyWarningTuning.Run(detections, first, trainLast, last, new SurgeDefinition(), progress);
            var main = backtest.Methods.Single(m => m.Method == new EarlyWarningOptions().Method).Test;
            var commandLine = "tessera " + string.Join(' ', parse.Tokens.Select(tk => tk.Value.Contains(' ', StringComparison.Ordinal) ? $"\"{tk.Value}\"" : tk.Value));
            var markdown = BacktestReport.ToMarkdown(backtest, commandLine, note);
            if (parse.GetValue(output) is { } outFile)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
                await File.WriteAllTextAsync(outFile, markdown, ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(Inv(
                    $"default method on {main.From} to {main.To}: {main.Flagged} of {main.SurgeCount} surges flagged, median lead {main.MedianLead?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"} months, false-alert rate {main.FalseAlertRate:P1}; written to {outFile}"));
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
        var method = new Option<string>("--method") { Description = "farrington (default: quasi-Poisson regression), cusum (cumulated excess over it), robust or seasonal-naive; compared in docs/early-warning.md", DefaultValueFactory = _ => "farrington" };
        var route = new Option<string?>("--route") { Description = "Only this route" };
        var nationality = new Option<string?>("--nationality") { Description = "Only this nationality (as named in the data, e.g. Syria)" };
        var command = new Command("alerts", "Early-warning alerts for a month, per route and per top nationality, each with why it was raised.") { month, top, json, method, route, nationality };
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
            var alerts = EarlyWarning.Scan(detections, m, new EarlyWarningOptions(Method: EarlyWarning.ParseMethod(parse.GetValue(method))), parse.GetValue(top),
                parse.GetValue(route), parse.GetValue(nationality));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(alerts, Json));
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync(Inv($"{alerts.Count} alerts for {m} ({EarlyWarning.Name(EarlyWarning.ParseMethod(parse.GetValue(method)))})"));
            foreach (var a in alerts)
            {
                await output.WriteLineAsync(a.Explanation);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
