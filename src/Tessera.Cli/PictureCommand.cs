using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Core.Access;
using Tessera.Core.Picture;
using Tessera.Storage;

namespace Tessera.Cli;

/// <summary><c>tessera picture …</c>: the joint situational picture — import detections, summaries, early warning, border sections, charts.</summary>
internal static partial class PictureCommand
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var command = new Command("picture", "Joint situational picture: detections by route and nationality, trends, early warning, border sections.");
        Func<Task<Store>> open = () => CliContext.OpenStoreAsync();
        command.Subcommands.Add(Import(() => CliContext.SetUpStoreAsync()));
        command.Subcommands.Add(Summary(open));
        command.Subcommands.Add(Backtest(open));
        command.Subcommands.Add(Alerts(open));
        command.Subcommands.Add(Sections(open));
        command.Subcommands.Add(SetLevel(open));
        command.Subcommands.Add(Chart(open));
        command.Subcommands.Add(GeoJson(open));
        command.Subcommands.Add(Prices(open));
        return command;
    }

    private static Command Import(Func<Task<Store>> open)
    {
        var file = new Argument<string>("file") { Description = "Frontex's monthly detections workbook (.xlsx), its wide or long CSV, Italian daily arrivals or incidents CSV" };
        var command = new Command("import", "Import a detection file; the format is recognised, the import is all-or-nothing, the same file twice adds nothing.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var batch = DetectionFiles.Read(parse.GetValue(file)!);
            await using var store = await open();
            var result = await store.Picture.ImportAsync(batch, Principal.System, ct);
            foreach (var w in result.Warnings)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"tessera: {w.File}:{w.Line.ToString(CultureInfo.InvariantCulture)}: field '{w.Column}': {w.Reason}");
            }

            await output.WriteLineAsync(result.Added
                ? string.Create(CultureInfo.InvariantCulture, $"imported {batch.FileName}: {result.Format}, source {result.Source}, vintage {result.Vintage ?? "-"}, {result.Rows} rows{(result.Superseded is { } s ? $", supersedes import {s}" : "")}")
                : $"already imported: {batch.FileName} (import {result.ImportId.ToString(CultureInfo.InvariantCulture)}); nothing added");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Summary(Func<Task<Store>> open)
    {
        var from = new Option<string>("--from") { Description = "First month, YYYY-MM", Required = true };
        var to = new Option<string>("--to") { Description = "Last month, YYYY-MM", Required = true };
        var route = new Option<string?>("--route") { Description = "Only this route, e.g. \"Central Mediterranean\"" };
        var nationality = new Option<string?>("--nationality") { Description = "Only this nationality (label or ISO alpha-3)" };
        var source = new Option<string>("--source") { Description = "Source of the counts", DefaultValueFactory = _ => PictureSources.Frontex };
        var json = new Option<bool>("--json") { Description = "One JSON object on stdout" };
        var command = new Command("summary", "Totals, change on the same period a year earlier, route shares, top nationalities.") { from, to, route, nationality, source, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var query = new PictureQuery(YearMonth.Parse(parse.GetValue(from)!), YearMonth.Parse(parse.GetValue(to)!),
                parse.GetValue(route), parse.GetValue(nationality), Source: parse.GetValue(source)!);
            await using var store = await open();
            var summary = await store.Picture.SummaryAsync(query, Principal.System, ct);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(summary, Json));
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync(Inv($"{summary.Source} detections {summary.From}–{summary.To}{(summary.Route is null ? "" : ", " + summary.Route)}: {N(summary.Total)} ({Pct(summary.Change)} on {N(summary.PreviousTotal)} a year earlier)"));
            await output.WriteLineAsync();
            await output.WriteLineAsync("route\ttotal\tprevious\tchange\tshare");
            foreach (var r in summary.Routes)
            {
                await output.WriteLineAsync(Inv($"{r.Route}\t{N(r.Total)}\t{N(r.PreviousTotal)}\t{Pct(r.Change)}\t{Share(r.Share)}"));
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync("nationality\ttotal\tprevious\tchange\tshare");
            foreach (var n in summary.TopNationalities)
            {
                await output.WriteLineAsync(Inv($"{n.Nationality}\t{N(n.Total)}\t{N(n.PreviousTotal)}\t{Pct(n.Change)}\t{Share(n.Share)}"));
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(summary.Credit + (summary.Suppressed ? "; counts below 5 are shown as <5" : ""));

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string N(long? n) => n?.ToString("N0", CultureInfo.InvariantCulture) ?? "<5";

    internal static string Pct(double? change) => change?.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) ?? "n/a";

    internal static string Share(double? share) => share?.ToString("0.0%", CultureInfo.InvariantCulture) ?? "n/a";

    internal static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
