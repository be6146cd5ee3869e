using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tessera.Core.Matching;

namespace Tessera.Cli;

/// <summary><c>tessera match dedupe|link</c>: finds the same persons within one CSV file or between two.</summary>
internal static class MatchCommand
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() }, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var command = new Command("match", "Find records of the same person (Fellegi–Sunter, trained without labels).");
        command.Subcommands.Add(Verb("dedupe", "Find pairs of records of the same person within FILE.csv.", files: 1));
        command.Subcommands.Add(Verb("link", "Find pairs of records of the same person between LEFT.csv and RIGHT.csv.", files: 2));
        return command;
    }

    private static Command Verb(string name, string description, int files)
    {
        var first = new Argument<string>(files == 1 ? "file" : "left") { Description = files == 1 ? "FILE.csv" : "LEFT.csv (left_id comes from it)" };
        var second = new Argument<string>("right") { Description = "RIGHT.csv" };
        var idColumn = new Option<string>("--id-column") { Description = "Column holding the record id", Required = true };
        var map = new Option<string[]>("--map") { Description = "COLUMN=property, repeatable (name, firstName, lastName, birthDate, phone, street, …)", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "pairs.csv to write: left_id,right_id,weight,probability", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Match weight (bits) above which a pair is written; default: the model's hit threshold" };
        var explain = new Option<string?>("--explain") { Description = "Also write one JSON explanation per pair to this JSON-lines file" };
        var clusters = new Option<string?>("--clusters")
        {
            Description = "Also write clusters.csv (id,cluster): every record with the number of its person, hits joined by average linkage at the threshold",
        };
        var command = new Command(name, description) { first, idColumn, map, output, threshold, explain };
        if (files == 2)
        {
            command.Arguments.Add(second);
        }
        else
        {
            command.Options.Add(clusters);
        }

        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            string[] paths = files == 1 ? [parse.GetValue(first)!] : [parse.GetValue(first)!, parse.GetValue(second)!];
            var mappings = PersonCsv.ParseMappings(parse.GetValue(map)!);
            var id = parse.GetValue(idColumn)!;
            var left = PersonCsv.Read(paths[0], id, mappings);
            var right = paths.Length > 1 ? PersonCsv.Read(paths[1], id, mappings) : null;
            var engine = new MatchEngine();
            var options = new MatchOptions(Threshold: parse.GetValue(threshold));
            var run = right is null ? engine.Dedupe(left, options) : engine.Link(left, right, options);
            var hits = run.Pairs.Where(p => p.Kind == MatchKind.SamePerson).ToList();
            WritePairs(parse.GetValue(output)!, hits, left, right ?? left);
            if (parse.GetValue(explain) is { } explainPath)
            {
                using var writer = new StreamWriter(explainPath);
                foreach (var pair in hits)
                {
                    var e = engine.Explain(pair);
                    writer.WriteLine(JsonSerializer.Serialize(new { explanation = e, line = e.Line }, Json));
                }
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{hits.Count} pairs above {run.Model.HitThreshold:0.00} bits from {run.Blocking.CandidatePairs} candidate pairs ({left.Count}{(right is null ? "" : " x " + right.Count)} records)"));
            if (files == 1 && parse.GetValue(clusters) is { } clustersPath)
            {
                var numbers = engine.Clusters(run);
                WriteClusters(clustersPath, numbers, left);
                var sizes = numbers.GroupBy(c => c).Select(g => g.Count()).ToList();
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{sizes.Count} clusters, {sizes.Count(s => s > 1)} with more than one record, largest {sizes.DefaultIfEmpty(0).Max()}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WritePairs(string path, List<ScoredPair> pairs, List<PersonRecord> left, List<PersonRecord> right)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("left_id,right_id,weight,probability");
        foreach (var p in pairs)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Csv(left[p.Left].Id)},{Csv(right[p.Right].Id)},{p.Weight:0.000},{p.Probability:0.000000}"));
        }
    }

    private static void WriteClusters(string path, int[] numbers, List<PersonRecord> records)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("id,cluster");
        for (var i = 0; i < records.Count; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Csv(records[i].Id)},{numbers[i]}"));
        }
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
