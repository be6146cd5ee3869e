using System.CommandLine;
using System.Globalization;
using Tessera.Core.Ingest;
using Tessera.Core.Model;

namespace Tessera.Cli;

/// <summary><c>tessera import FILE --org IT [--case C1] --handling H0,H2</c>: one file becomes one contribution, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A FollowTheMoney JSON-lines file (.ftm.json, .jsonl)" };
        var options = new ContributionOptions();
        var command = new Command("import", "Import a file as one contribution; importing the same file again adds nothing.") { file };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                throw new ModelException("no such file", info.FullName);
            }

            var bytes = await File.ReadAllBytesAsync(info.FullName, ct);
            var request = options.Read(parse);
            var entities = FollowTheMoney.Read(new StringReader(System.Text.Encoding.UTF8.GetString(bytes)), info.Name);
            await using var store = await CliContext.OpenStoreAsync(ct);
            var contribution = request.ToContribution(info.Name, request.HashOf(bytes), CliContext.Operator.UserName, store.Time.GetUtcNow());
            var result = await store.Contributions.WriteAsync(contribution, entities, CliContext.Operator, ct);
            await CliContext.Out(parse).WriteLineAsync(result.Added
                ? string.Create(CultureInfo.InvariantCulture, $"contribution {result.ContributionId}: {result.Entities} entities, {result.Statements} statements")
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
    private readonly Option<string> _subject = new("--subject") { Description = "suspect, contact, victim, witness, informant, other", DefaultValueFactory = _ => "suspect" };
    private readonly Option<string> _purpose = new("--purpose") { Description = "Purpose of processing", DefaultValueFactory = _ => "prevent and combat migrant smuggling" };
    private readonly Option<string?> _review = new("--review-date") { Description = "Review date YYYY-MM-DD (default: in 3 years)" };
    private readonly Option<string> _kind = new("--kind") { Description = "case-data or reference-list", DefaultValueFactory = _ => "case-data" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _org, _case, _handling, _h3, _reliability, _accuracy, _subject, _purpose, _review, _kind })
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
            parse.GetValue(_reliability)!, parse.GetValue(_accuracy), parse.GetValue(_subject)!, parse.GetValue(_purpose)!, review, parse.GetValue(_kind)!);
    }
}
