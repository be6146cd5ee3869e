using System.CommandLine;
using System.Globalization;
using Tessera.Storage.Directory;

namespace Tessera.Cli;

/// <summary><c>tessera users roles|unlock|show</c>: changing an account's roles, ending a sign-in lockout, and an account's state.</summary>
internal static partial class UsersCommand
{
    private static Command Roles()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var roles = new Argument<string>("roles") { Description = "Comma list: analyst, supervisor, hub-analyst, policy-officer, auditor, administrator" };
        var command = new Command("roles", "Replace a user's roles; effective on the user's next request.") { name, roles };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            await store.Directory.SetRolesAsync(parse.GetValue(name)!, DirectoryStore.ParseRoles(parse.GetValue(roles)!), CliContext.Operator, ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Unlock()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var command = new Command("unlock", "End a user's sign-in lockout and forget the failed attempts.") { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            await store.Directory.UnlockAsync(parse.GetValue(name)!, CliContext.Operator, ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var command = new Command("show", "Print an account: organisation, roles, state, last sign-in, failed sign-ins and lockout.") { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var user = parse.GetValue(name)!;
            var account = (await store.Directory.AccountsAsync(ct)).FirstOrDefault(a => a.User.Name == user)
                ?? throw Core.Model.ModelException.Unknown($"unknown user '{user}'", "name");
            var now = store.Time.GetUtcNow();
            var u = account.User;
            await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{u.Name}\t{u.Organisation}\t{DirectoryStore.FormatRoles(u.Roles)}\t{(u.Disabled ? "disabled" : "enabled")}\t" +
                $"last sign-in {Time(account.LastSignIn) ?? "never"}\t{account.Failures} failed sign-ins\t" +
                $"{(account.IsLockedAt(now) ? "locked until " + Time(account.LockedUntil) : "not locked")}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
