using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Core.FollowUp;
using Tessera.Storage.CrossCheck;
using Tessera.Storage.FollowUp;

namespace Tessera.Cli;

/// <summary><c>tessera hits</c>: the hit inbox and its triage — list, show, confirm, reject, status, assign — as the acting user.</summary>
internal static class HitsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var org = new Option<string?>("--org") { Description = "Organisation whose inbox to show (as one of its analysts)" };
        var command = new Command("hits", "Hits and their follow-up: details where allowed, else the owner and a reference to ask for it.") { org };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(org) is not { } code)
            {
                await CliContext.Error(parse).WriteLineAsync("tessera hits: give --org ORG, or a subcommand (list, show, confirm, reject, status, assign)");
                return ExitCodes.Usage;
            }

            await using var store = await CliContext.OpenStoreAsync(ct);
            var analyst = await CliContext.AnalystOfAsync(store, code, ct);
            foreach (var h in await HitInbox.ForAsync(store, analyst, 200, ct))
            {
                var other = h.Other is { } o ? $"{o.Organisation} {o.Schema} {o.EntityId} \"{o.Caption}\" — {h.Summary}" : $"hit — ask {h.OtherWithheld!.Owner}, reference {h.OtherWithheld.Reference}";
                await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"#{h.Id}\t{h.Kind}\t{h.Probability:0.000}\t{h.Mine.EntityId} \"{h.Mine.Caption}\"\t↔ {other}"));
            }

            return ExitCodes.Ok;
        });
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Judge("confirm", "Confirm that the hit's records are the same person or object (a match decision, with a reason).", true));
        command.Subcommands.Add(Judge("reject", "Reject the hit's match (with a reason): the two records never hit again.", false));
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Assign());
        return command;
    }

    private static Command List()
    {
        var user = CliContext.AsOption();
        var status = new Option<string?>("--status") { Description = "new, in-review, confirmed, rejected or closed (default: every open status)" };
        var kind = new Option<string?>("--kind") { Description = "same-person, link, identifier or review" };
        var partner = new Option<string?>("--partner") { Description = "Only hits with this organisation" };
        var @case = new Option<string?>("--case") { Description = "Only hits on records of this case" };
        var review = new Option<bool>("--review") { Description = "Also hits in the review band (hidden by default)" };
        var json = CliContext.JsonOption();
        var command = new Command("list", "The acting user's hit groups, newest first.") { user, status, kind, partner, @case, review, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            var filter = new HitGroupFilter(parse.GetValue(status) is { } s ? HitStatuses.Parse(s) : null, parse.GetValue(kind), parse.GetValue(@case),
                parse.GetValue(partner), IncludeReview: parse.GetValue(review), Limit: 500);
            var page = await store.FollowUp.InboxAsync(principal, filter, ct);
            var output = CliContext.Out(parse);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(page.Groups.Select(Row), Json));
                return ExitCodes.Ok;
            }

            foreach (var g in page.Groups)
            {
                var other = g.Other is { } o ? $"{o.Organisation} {o.EntityId} \"{o.Caption}\"" : $"{g.OtherOrganisation} {g.Reference} (withheld)";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"#{g.Id}\t{g.Status}\t{g.Kind}\t{g.Hits} hit(s)\t{g.Mine.EntityId} \"{g.Mine.Caption}\"\t↔ {other}{(g.Assignee is null ? "" : "\t@" + g.Assignee)}"));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{page.Groups.Count} of {page.Total} hit groups"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One hit group in the command line's JSON contract.</summary>
    private static object Row(HitGroupView g) => new
    {
        id = g.Id,
        kind = g.Kind,
        status = g.Status,
        otherOrg = g.OtherOrganisation,
        reference = g.Reference,
        entity = g.Mine.EntityId,
        otherEntity = g.Other?.EntityId,
        assignee = g.Assignee,
        hits = g.HitIds,
        probability = g.Probability,
        latest = g.Latest,
        @case = g.Case,
    };

    private static Command Show()
    {
        var id = new Argument<long>("id") { Description = "A hit id (any hit of the group)" };
        var user = CliContext.AsOption();
        var json = CliContext.JsonOption();
        var command = new Command("show", "One hit group with its history.") { id, user, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            var (group, history) = await store.FollowUp.GroupAsync(principal, parse.GetValue(id), ct) ?? throw FollowUpStore.UnknownHit(parse.GetValue(id));
            var output = CliContext.Out(parse);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { group = Row(group), summary = group.Summary, history }, Json));
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync($"#{group.Id} {group.Kind} {group.Status} — {group.Mine.EntityId} ↔ {group.Other?.EntityId ?? group.Reference} ({group.OtherOrganisation})");
            foreach (var e in history)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {e.Time:yyyy-MM-dd HH:mm}\t{e.User}\t{e.Action}\t{e.Detail}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Judge(string name, string description, bool same)
    {
        var id = new Argument<long>("id") { Description = "A hit id" };
        var user = CliContext.AsOption();
        var reason = new Option<string>("--reason") { Description = "Why (stored with the decision)", Required = true };
        var command = new Command(name, description) { id, user, reason };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            await store.FollowUp.JudgeAsync(principal, parse.GetValue(id), same, parse.GetValue(reason), ct);
            await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"hit {parse.GetValue(id)} {(same ? "confirmed" : "rejected")}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Status()
    {
        var id = new Argument<long>("id") { Description = "A hit id" };
        var status = new Argument<string>("status") { Description = "new, in-review or closed" };
        var user = CliContext.AsOption();
        var command = new Command("status", "Move a hit group to in-review or closed (reopen a closed one with in-review).") { id, status, user };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            await store.FollowUp.SetStatusAsync(principal, parse.GetValue(id), HitStatuses.Parse(parse.GetValue(status)), ct);
            await CliContext.Out(parse).WriteLineAsync($"hit {parse.GetValue(id)} {parse.GetValue(status)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Assign()
    {
        var id = new Argument<long>("id") { Description = "A hit id" };
        var to = new Option<string?>("--to") { Description = "A user of the same organisation; leave out to unassign" };
        var user = CliContext.AsOption();
        var command = new Command("assign", "Assign a hit group to a colleague.") { id, to, user };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            await store.FollowUp.AssignAsync(principal, parse.GetValue(id), parse.GetValue(to), ct);
            await CliContext.Out(parse).WriteLineAsync($"hit {parse.GetValue(id)} assigned to {parse.GetValue(to) ?? "nobody"}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
