using System.CommandLine;
using System.Globalization;
using Tessera.Storage.Cases;

namespace Tessera.Cli;

/// <summary><c>tessera cases notes CASE --org IT</c> and <c>tessera cases note CASE --org IT --text …</c>: a case's notes,
/// read and written as an analyst of a member organisation, through the same access policy as the API.</summary>
internal static class CaseNotesCommand
{
    public static Command Read()
    {
        var id = new Argument<string>("case") { Description = "Case id, e.g. OP-ZUWARA" };
        var org = OrgOption();
        var command = new Command("notes", "Show a case's notes, as an analyst of a member organisation sees them.") { id, org };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var notes = await CaseNotes.ReadAsync(store, parse.GetValue(id)!, await CliContext.AnalystOfAsync(store, parse.GetValue(org)!, ct), ct);
            if (notes is null)
            {
                return await NotFoundAsync(parse);
            }

            foreach (var n in notes)
            {
                await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"#{n.Id}\t{n.Created.UtcDateTime:yyyy-MM-dd HH:mm}Z\t{n.Organisation}\t{n.Author}\t{n.Text}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Add()
    {
        var id = new Argument<string>("case") { Description = "Case id, e.g. OP-ZUWARA" };
        var org = OrgOption();
        var text = new Option<string>("--text") { Description = "The note", Required = true };
        var command = new Command("note", "Add a note to a case as an analyst of a member organisation.") { id, org, text };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var note = await CaseNotes.AddAsync(store, parse.GetValue(id)!, parse.GetValue(text)!, await CliContext.AnalystOfAsync(store, parse.GetValue(org)!, ct), ct);
            if (note is null)
            {
                return await NotFoundAsync(parse);
            }

            await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"note #{note.Id} added to {note.CaseId}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> OrgOption() => new("--org") { Description = "Member organisation acting, e.g. IT", Required = true };

    // A non-member is told the same as for a case that does not exist.
    private static async Task<int> NotFoundAsync(ParseResult parse)
    {
        await CliContext.Error(parse).WriteLineAsync("no such case (or your organisation is not a member)");
        return ExitCodes.BadInput;
    }
}
