using System.CommandLine;

namespace Tessera.Cli;

/// <summary><c>tessera cases add|list|members|notes|note</c>: case workspaces shared by partner organisations.</summary>
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
        return new Command("cases", "Case workspaces shared across organisations.") { add, list, Members(), CaseNotesCommand.Read(), CaseNotesCommand.Add() };
    }

    private static Command Members()
    {
        Command Member(string verb, string description, Func<Storage.Store, string, string, CancellationToken, Task> change)
        {
            var id = new Argument<string>("id") { Description = "Case id" };
            var org = new Argument<string>("organisation") { Description = "Organisation code" };
            var command = new Command(verb, description) { id, org };
            command.SetAction(async (parse, ct) =>
            {
                await using var store = await CliContext.OpenStoreAsync(ct);
                await change(store, parse.GetValue(id)!, parse.GetValue(org)!, ct);
                return ExitCodes.Ok;
            });
            return command;
        }

        return new Command("members", "Member organisations of a case.")
        {
            Member("add", "Add a member organisation to a case.", (store, id, org, ct) => store.Directory.AddCaseMemberAsync(id, org, CliContext.Operator, ct)),
            Member("remove", "Remove a member organisation from a case (not its owner).", (store, id, org, ct) => store.Directory.RemoveCaseMemberAsync(id, org, CliContext.Operator, ct)),
        };
    }
}
