using System.CommandLine;
using Tessera.Core.Access;
using Tessera.Storage.Directory;

namespace Tessera.Cli;

/// <summary><c>tessera users add|list|show|roles|unlock|passwd|disable|enable|token|tokens|revoke-token</c>: local accounts and API tokens.</summary>
internal static partial class UsersCommand
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

        return new Command("users", "Local user accounts.") { add, list, Show(), Roles(), Unlock(), Passwd(), Disable(), Enable(), Token(), Tokens(), RevokeToken() };
    }

    private static Command Passwd()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var password = new Option<string?>("--password") { Description = "At least 12 characters; generated and printed when left out" };
        var passwd = new Command("passwd", "Set a user's password; ends the user's sessions and revokes its tokens at once.") { name, password };
        passwd.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var secret = parse.GetValue(password) ?? PasswordHash.NewSecret(12);
            await store.Directory.SetPasswordAsync(parse.GetValue(name)!, secret, CliContext.Operator, ct);
            if (parse.GetValue(password) is null)
            {
                await CliContext.Out(parse).WriteLineAsync($"password for {parse.GetValue(name)}: {secret}");
            }

            return ExitCodes.Ok;
        });
        return passwd;
    }

    private static Command Disable()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var disable = new Command("disable", "Disable an account; ends its sessions and revokes its tokens at once.") { name };
        disable.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            await store.Directory.DisableUserAsync(parse.GetValue(name)!, CliContext.Operator, ct);
            return ExitCodes.Ok;
        });
        return disable;
    }

    private static Command Enable()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var enable = new Command("enable", "Enable a disabled account; its old sessions and tokens stay revoked.") { name };
        enable.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            await store.Directory.EnableUserAsync(parse.GetValue(name)!, CliContext.Operator, ct);
            return ExitCodes.Ok;
        });
        return enable;
    }
}
