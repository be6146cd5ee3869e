using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Core.Access;
using Tessera.Core.Picture;
using Tessera.Storage;

namespace Tessera.Cli;

/// <summary><c>tessera picture chart</c>, <c>geojson</c> and <c>prices</c>: outputs for reports and maps.</summary>
internal static partial class PictureCommand
{
    private static Command Chart(Func<Task<Store>> open)
    {
        var from = new Option<string>("--from") { Description = "First month, YYYY-MM", Required = true };
        var to = new Option<string>("--to") { Description = "Last month, YYYY-MM", Required = true };
        var route = new Option<string?>("--route") { Description = "Only this route" };
        var output = new Option<string>("--out") { Description = "The SVG file to write; the numbers go to the same name with .csv", Required = true };
        var command = new Command("chart", "Render monthly detections against a year earlier as SVG, with the numbers behind it as CSV.") { from, to, route, output };
        command.SetAction(async (parse, ct) =>
        {
            var query = new PictureQuery(YearMonth.Parse(parse.GetValue(from)!), YearMonth.Parse(parse.GetValue(to)!), parse.GetValue(route));
            await using var store = await open();
            var summary = await store.Picture.SummaryAsync(query, Principal.System, ct);
            var title = $"Detections of irregular border crossing{(query.Route is null ? "" : ", " + query.Route)}, {query.From}–{query.To}";
            var file = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, SvgChart.MonthlyBars(summary, title), ct);
            var csv = Path.ChangeExtension(file, ".csv");
            await File.WriteAllTextAsync(csv, SvgChart.Csv(summary), ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"wrote {file} and {csv}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command GeoJson(Func<Task<Store>> open)
    {
        var from = new Option<string?>("--from") { Description = "With --to: route totals for this period" };
        var to = new Option<string?>("--to") { Description = "Last month of the period" };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout" };
        var command = new Command("geojson", "GeoJSON of the routes and the configured border sections with their levels.") { from, to, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await open();
            var sections = await store.Picture.SectionsWithProposalsAsync(ct: ct);
            IReadOnlyDictionary<string, long>? totals = null;
            if (parse.GetValue(from) is { } f && parse.GetValue(to) is { } t)
            {
                var summary = await store.Picture.SummaryAsync(new PictureQuery(YearMonth.Parse(f), YearMonth.Parse(t)), Principal.System, ct);
                totals = summary.Routes.ToDictionary(r => r.Route, r => r.Total ?? 0, StringComparer.Ordinal);
            }

            var geojson = PictureGeoJson.Build(sections.Count > 0 ? sections : [], totals);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, geojson, ct);
            }
            else
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(geojson);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Prices(Func<Task<Store>> open)
    {
        var route = new Option<string?>("--route") { Description = "Only this route" };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("prices", "Smuggling price index per route and month: median and range of advertised prices.") { route, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await open();
            var index = await store.Picture.PriceIndexAsync(parse.GetValue(route), ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(index, Json));
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync("route\tmonth\tcurrency\tn\tmedian\tmin\tmax\tindex");
            foreach (var p in index)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{p.Route}\t{p.Month}\t{p.Currency}\t{p.Observations}\t{p.Median:0}\t{p.Min:0}\t{p.Max:0}\t{p.Index:0.0}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
