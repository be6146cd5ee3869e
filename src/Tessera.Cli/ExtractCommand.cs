using System.CommandLine;
using System.Text.Json;
using Tessera.Core.Ingest.Indicators;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;

namespace Tessera.Cli;

/// <summary><c>tessera extract FILE</c>: indicators (phones, IBANs, wallets, handles, places …) from free text, as JSON lines.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A text file, or JSON lines with a \"text\" field (and optionally \"id\" and \"region\")" };
        var region = new Option<string?>("--region") { Description = "Default country (ISO 3166 alpha-2) for phone numbers written without a country code" };
        var platform = new Option<string?>("--platform") { Description = "Platform of @handles (telegram, facebook …)" };
        var command = new Command("extract", "Extract indicators from free text and write them as JSON lines") { file, region, platform };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new ModelException("file not found", path.FullName);
            }

            var context = new NormalisationContext(parse.GetValue(region), parse.GetValue(platform));
            var text = await File.ReadAllTextAsync(path.FullName, ct);
            if (IsJsonLines(path, text))
            {
                var lineNumber = 0;
                foreach (var line in text.Split('\n'))
                {
                    lineNumber++;
                    if (line.Trim().Length == 0)
                    {
                        continue;
                    }

                    var (id, body, lineRegion) = ReadLine(line, path.FullName, lineNumber);
                    var lineContext = lineRegion is null ? context : context with { DefaultRegion = lineRegion };
                    Write(output, IndicatorExtractor.Extract(body, lineContext), lineNumber, id);
                }
            }
            else
            {
                Write(output, IndicatorExtractor.Extract(text, context), null, null);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool IsJsonLines(FileInfo file, string text) =>
        file.Extension is ".jsonl" or ".ndjson" || text.TrimStart().StartsWith('{');

    // A line may name its own region (where the post was collected), which overrides --region for that line.
    private static (string? Id, string Text, string? Region) ReadLine(string line, string file, int number)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new ModelException("a JSON line needs a string field \"text\"", file, number, "text");
            }

            var id = doc.RootElement.TryGetProperty("id", out var idElement) ? idElement.ToString() : null;
            string? region = null;
            if (doc.RootElement.TryGetProperty("region", out var regionElement) && regionElement.ValueKind != JsonValueKind.Null)
            {
                region = regionElement.ValueKind == JsonValueKind.String ? regionElement.GetString() : null;
                if (region is not { Length: 2 } || !region.All(char.IsAsciiLetter))
                {
                    throw new ModelException("\"region\" must be a two-letter country code (ISO 3166-1 alpha-2)", file, number, "region");
                }
            }

            return (id, text.GetString()!, region);
        }
        catch (JsonException ex)
        {
            throw new ModelException("not valid JSON: " + ex.Message, file, number);
        }
    }

    private static void Write(TextWriter output, IReadOnlyList<Indicator> indicators, int? line, string? id)
    {
        foreach (var i in indicators)
        {
            var record = new
            {
                line,
                id,
                kind = i.Kind,
                start = i.Start,
                length = i.Length,
                text = i.Text,
                value = i.Value,
                valid = i.Valid,
                attributes = i.Attributes,
            };
            output.WriteLine(JsonSerializer.Serialize(record, NormaliseCommand.Json));
        }
    }
}
