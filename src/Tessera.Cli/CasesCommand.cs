using System.CommandLine;

namespace Tessera.Cli;

/// <summary><c>tessera cases add|list|notes|note</c>: case workspaces shared by partner organisations.</summary>
internal static class CasesCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Case id, e.g. C1" };
        var title = new Option<string>("--title") { Description = "Title of the case", Required = true };
        var owner = new Option<string>("--owner") { Description = "Owning organisation", Required = true };
        var members = new Option<string?>("--members") { Description = "Comma list of partner organisations" };
        var add = new Command("add", "Open a case shared with partner organisations.") { id, title, owner, members };
        add.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var partners = (parse.GetValue(members) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await store.Directory.AddCaseAsync(parse.GetValue(id)!, parse.GetValue(title)!, parse.GetValue(owner)!, partners, CliContext.Operator, ct);
            return ExitCodes.Ok;
        });

        var list = new Command("list", "List the cases.");
        list.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            foreach (var c in await store.Directory.CasesAsync(ct))
            {
                await CliContext.Out(parse).WriteLineAsync($"{c.Id}\t{c.Owner}\t{string.Join(',', c.Members.Order(StringComparer.Ordinal))}\t{c.Title}");
            }

            return ExitCodes.Ok;
        });
        return new Command("cases", "Case workspaces shared across organisations.") { add, list, CaseNotesCommand.Read(), CaseNotesCommand.Add() };
    }
}
