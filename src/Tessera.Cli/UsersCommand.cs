using System.CommandLine;
using Tessera.Core.Access;
using Tessera.Storage.Directory;

namespace Tessera.Cli;

/// <summary><c>tessera users add|list|token</c>: local accounts and API tokens.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var org = new Option<string>("--org") { Description = "Organisation code", Required = true };
        var roles = new Option<string>("--roles") { Description = "Comma list: analyst, supervisor, hub-analyst, policy-officer, auditor, administrator", Required = true };
        var password = new Option<string?>("--password") { Description = "At least 12 characters; generated and printed when left out" };
        var display = new Option<string?>("--display-name") { Description = "Name shown in the UI" };
        var add = new Command("add", "Add a local account.") { name, org, roles, password, display };
        add.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var user = new User(parse.GetValue(name)!, parse.GetValue(display) ?? parse.GetValue(name)!, parse.GetValue(org)!, DirectoryStore.ParseRoles(parse.GetValue(roles)!), false);
            var secret = parse.GetValue(password) ?? PasswordHash.NewSecret(12);
            await store.Directory.AddUserAsync(user, secret, CliContext.Operator, ct);
            if (parse.GetValue(password) is null)
            {
                await CliContext.Out(parse).WriteLineAsync($"password for {user.Name}: {secret}");
            }

            return ExitCodes.Ok;
        });

        var list = new Command("list", "List the accounts.");
        list.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            foreach (var u in await store.Directory.UsersAsync(ct))
            {
                await CliContext.Out(parse).WriteLineAsync($"{u.Name}\t{u.Organisation}\t{DirectoryStore.FormatRoles(u.Roles)}\t{(u.Disabled ? "disabled" : "enabled")}\t{u.DisplayName}");
            }

            return ExitCodes.Ok;
        });

        var tokenUser = new Argument<string>("name") { Description = "User name" };
        var label = new Option<string>("--label") { Description = "What the token is for", DefaultValueFactory = _ => "api" };
        var token = new Command("token", "Create an API token for a user; it is printed once.") { tokenUser, label };
        token.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            if (await store.Directory.UserAsync(parse.GetValue(tokenUser)!, ct) is null)
            {
                await CliContext.Error(parse).WriteLineAsync($"tessera: unknown user '{parse.GetValue(tokenUser)}'");
                return ExitCodes.BadInput;
            }

            await CliContext.Out(parse).WriteLineAsync(await store.Directory.CreateTokenAsync(parse.GetValue(tokenUser)!, parse.GetValue(label)!, ct));
            return ExitCodes.Ok;
        });
        return new Command("users", "Local user accounts.") { add, list, token };
    }
}
