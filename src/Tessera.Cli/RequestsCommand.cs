using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Core.Access;
using Tessera.Core.FollowUp;

namespace Tessera.Cli;

/// <summary><c>tessera requests</c>: ask the owner of a withheld record for it, and answer requests — as the acting user.</summary>
internal static class RequestsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("requests", "Access requests that follow hits, and the owners' answers (release all, core data, or refuse).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Decide());
        command.Subcommands.Add(Approve());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Add()
    {
        var hit = new Argument<long>("hit") { Description = "The hit the request follows" };
        var user = CliContext.AsOption();
        var purpose = new Option<string>("--purpose") { Description = "What the record is needed for (required)", Required = true };
        var urgent = new Option<bool>("--urgent") { Description = "Urgent: 8 hours for directly accessible data, else 3 days (Directive 2023/977 Art. 5)" };
        var command = new Command("add", "Ask the owner of the hit's other record for it; prints the request id.") { hit, user, purpose, urgent };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            var id = await store.FollowUp.RequestAsync(principal, parse.GetValue(hit), parse.GetValue(purpose), parse.GetValue(urgent), ct);
            await CliContext.Out(parse).WriteLineAsync(id.ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var user = CliContext.AsOption();
        var json = CliContext.JsonOption();
        var command = new Command("list", "Requests the acting user's organisation made or received, with their deadlines.") { user, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            var requests = await store.FollowUp.RequestsAsync(principal, ct);
            var output = CliContext.Out(parse);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(requests.Select(Row), Json));
                return ExitCodes.Ok;
            }

            foreach (var r in requests)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"#{r.Id}\t{r.Direction}\t{r.FromOrg} → {r.ToOrg}\t{r.Status}{(r.Overdue ? " OVERDUE" : "")}\tdue {r.Due:yyyy-MM-dd HH:mm} UTC\thit {r.Hit}\t{r.Purpose}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One request in the command line's JSON contract.</summary>
    private static object Row(RequestView r) => new
    {
        id = r.Id,
        hit = r.Hit,
        status = r.Status,
        due = r.Due,
        fromOrg = r.FromOrg,
        toOrg = r.ToOrg,
        overdue = r.Overdue,
        direction = r.Direction,
        purpose = r.Purpose,
        urgent = r.Urgent,
        reference = r.Reference,
        entity = r.Entity,
        release = r.Scope,
        reason = r.Reason,
    };

    private static Command Decide()
    {
        var release = new Option<string>("--release") { Description = "all, core (names, birth date, nationality, documents, identifiers) or none (refuse)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (told to the requester)", Required = true };
        return Answer("decide", "Answer a request for one of your organisation's records; H2/H3 releases wait for a supervisor.", [release, reason],
            (store, user, id, parse, ct) => store.FollowUp.DecideAsync(user, id, FollowUpNames.ParseScope(parse.GetValue(release)), parse.GetValue(reason), ct));
    }

    private static Command Approve()
    {
        var reason = new Option<string?>("--reason") { Description = "Why (default: the proposal's reason)" };
        return Answer("approve", "Approve, as a supervisor, a colleague's proposed release of H2/H3 data.", [reason],
            (store, user, id, parse, ct) => store.FollowUp.ApproveAsync(user, id, parse.GetValue(reason), ct));
    }

    private static Command Revoke()
    {
        var reason = new Option<string>("--reason") { Description = "Why (told to the requester)", Required = true };
        return Answer("revoke", "Revoke a release: the requester sees the record withheld again at once.", [reason],
            (store, user, id, parse, ct) => store.FollowUp.RevokeAsync(user, id, parse.GetValue(reason), ct));
    }

    /// <summary>A step of the owner on one request (<c>ID --as USER</c> and the step's own options); prints the new status.</summary>
    private static Command Answer(string name, string description, Option[] options,
        Func<Storage.Store, Principal, long, ParseResult, CancellationToken, Task<RequestView>> step)
    {
        var id = new Argument<long>("id") { Description = "The request" };
        var user = CliContext.AsOption();
        var command = new Command(name, description) { id, user };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            var view = await step(store, principal, parse.GetValue(id), parse, ct);
            await CliContext.Out(parse).WriteLineAsync($"request {view.Id} {view.Status}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
