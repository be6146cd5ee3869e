using System.CommandLine;
using System.Globalization;
using Tessera.Core.Ingest;
using Tessera.Core.Model;
using Tessera.Storage.Contributions;

namespace Tessera.Cli;

/// <summary><c>tessera import FILE --org IT [--case C1] --handling H0,H2</c>: one file becomes one contribution, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "FollowTheMoney JSON lines (.ftm.json, .jsonl), or CSV/XLSX with --mapping" };
        var mappingFile = new Option<FileInfo?>("--mapping") { Description = "Mapping file (YAML or JSON) from columns to entities" };
        var preview = new Option<bool>("--preview") { Description = "Show the first rows as entities with every problem found; store nothing" };
        var rows = new Option<int>("--rows") { Description = "Rows to preview", DefaultValueFactory = _ => 5 };
        var options = new ContributionOptions();
        var command = new Command("import", "Import a file as one contribution, all or nothing; importing the same file again adds nothing.") { file, mappingFile, preview, rows };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var request = options.Read(parse);
            await using var store = await CliContext.OpenStoreAsync(ct);
            var output = CliContext.Out(parse);
            var prepared = await ContributionImport.PrepareAsync(store, parse.GetValue(file)!.FullName, parse.GetValue(mappingFile)?.FullName, request,
                CliContext.Operator, parse.GetValue(preview) ? parse.GetValue(rows) : null, ct);
            if (parse.GetValue(preview))
            {
                await ImportPreview.WriteAsync(output, prepared);
                return ExitCodes.Ok;
            }

            var (_, result, hits) = await ContributionImport.WriteAsync(store, prepared, request, CliContext.Operator, ct: ct);
            foreach (var problem in prepared.Problems.Take(20))
            {
                await CliContext.Error(parse).WriteLineAsync("kept as invalid: " + problem);
            }

            await output.WriteLineAsync(result.Added
                ? string.Create(CultureInfo.InvariantCulture, $"contribution {result.ContributionId}: {prepared.Rows} rows, {result.Entities} entities, {result.Statements} statements, {prepared.Problems.Count} invalid values kept; cross-check: {hits.Count} hits")
                : string.Create(CultureInfo.InvariantCulture, $"already imported as contribution {result.ContributionId}: nothing added"));
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>The provenance options every import takes.</summary>
internal sealed class ContributionOptions
{
    private readonly Option<string> _org = new("--org") { Description = "Providing organisation", Required = true };
    private readonly Option<string?> _case = new("--case") { Description = "Case the data belongs to" };
    private readonly Option<string> _handling = new("--handling") { Description = "Handling codes, e.g. H0,H2", DefaultValueFactory = _ => "H0" };
    private readonly Option<string?> _h3 = new("--h3") { Description = "The provider's restriction text (with H3)" };
    private readonly Option<string> _reliability = new("--reliability") { Description = "Source reliability A, B, C or X", DefaultValueFactory = _ => "B" };
    private readonly Option<int> _accuracy = new("--accuracy") { Description = "Information accuracy 1-4", DefaultValueFactory = _ => 2 };
    private readonly Option<string> _subject = new("--subject") { Description = "suspect, contact, victim, witness, informant, other, smuggled-migrant (a mapping may set it per row)", DefaultValueFactory = _ => "suspect" };
    private readonly Option<string> _purpose = new("--purpose") { Description = "Purpose of processing", DefaultValueFactory = _ => "prevent and combat migrant smuggling" };
    private readonly Option<string?> _review = new("--review-date") { Description = "Review date YYYY-MM-DD (default: in 3 years)" };
    private readonly Option<string> _kind = new("--kind") { Description = "case-data or reference-list", DefaultValueFactory = _ => "case-data" };
    private readonly Option<string[]> _transfer = new("--transfer-to")
    {
        Description = "A third country or international organisation the data may be transferred to, with its legal basis: ORG=basis (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _org, _case, _handling, _h3, _reliability, _accuracy, _subject, _purpose, _review, _kind, _transfer })
        {
            command.Options.Add(option);
        }
    }

    public ContributionRequest Read(ParseResult parse)
    {
        DateOnly? review = parse.GetValue(_review) is { } r
            ? DateOnly.TryParseExact(r, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new ModelException($"'{r}' is not a date YYYY-MM-DD", field: "review-date")
            : null;
        return new ContributionRequest(parse.GetValue(_org)!, parse.GetValue(_case), parse.GetValue(_handling)!, parse.GetValue(_h3),
            parse.GetValue(_reliability)!, parse.GetValue(_accuracy), parse.GetValue(_subject)!, parse.GetValue(_purpose)!, review, parse.GetValue(_kind)!,
            parse.GetValue(_transfer) is { Length: > 0 } transfers ? string.Join(';', transfers) : null);
    }
}
