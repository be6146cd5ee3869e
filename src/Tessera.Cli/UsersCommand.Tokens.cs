using System.CommandLine;
using System.Globalization;
using Tessera.Storage.Directory;

namespace Tessera.Cli;

/// <summary><c>tessera users token|tokens|revoke-token</c>: API tokens, listed by id and never by secret.</summary>
internal static partial class UsersCommand
{
    private static Command Token()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var label = new Option<string>("--label") { Description = "What the token is for", DefaultValueFactory = _ => "api" };
        var days = new Option<int>("--expires-days") { Description = "Days until the token expires (1 to 366)", DefaultValueFactory = _ => (int)ApiTokens.DefaultLifetime.TotalDays };
        var token = new Command("token", "Create an API token for a user; it is printed once.") { name, label, days };
        token.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var (id, secret) = await store.Directory.Tokens.CreateAsync(parse.GetValue(name)!, parse.GetValue(label)!,
                TimeSpan.FromDays(parse.GetValue(days)), CliContext.Operator, ct);
            await CliContext.Out(parse).WriteLineAsync(secret);
            await CliContext.Error(parse).WriteLineAsync($"token id {id}");
            return ExitCodes.Ok;
        });
        return token;
    }

    private static Command Tokens()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var tokens = new Command("tokens", "List a user's API tokens: id, label, created, expires, state.") { name };
        tokens.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var user = parse.GetValue(name)!;
            if (await store.Directory.UserAsync(user, ct) is null)
            {
                throw new Core.Model.ModelException($"unknown user '{user}'", field: "name");
            }

            var now = store.Time.GetUtcNow();
            foreach (var t in await store.Directory.Tokens.ListAsync(user, ct))
            {
                var state = t.Revoked is not null ? "revoked" : t.IsLive(now) ? "live" : "expired";
                await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Id}\t{t.Label}\t{t.Created:yyyy-MM-dd}\t{t.Expires:yyyy-MM-dd}\t{state}"));
            }

            return ExitCodes.Ok;
        });
        return tokens;
    }

    private static Command RevokeToken()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var id = new Argument<string>("token-id") { Description = "Token id, as listed by `tessera users tokens`" };
        var revoke = new Command("revoke-token", "Revoke one API token of a user at once.") { name, id };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            if (!await store.Directory.Tokens.RevokeAsync(parse.GetValue(name)!, parse.GetValue(id)!, CliContext.Operator, ct))
            {
                await CliContext.Error(parse).WriteLineAsync($"tessera: user '{parse.GetValue(name)}' has no live token '{parse.GetValue(id)}'");
                return ExitCodes.BadInput;
            }

            return ExitCodes.Ok;
        });
        return revoke;
    }
}
