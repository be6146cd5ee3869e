using System.CommandLine;
using System.Text.Json;
using Tessera.Core.Access;

namespace Tessera.Cli;

/// <summary><c>tessera entities get|split</c>: one record as the acting user may see it; undo a confirmed identity.</summary>
internal static class EntitiesCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create() => new("entities", "Records as a user may see them, and the identities match decisions made of them.") { Get(), Split() };

    private static Command Get()
    {
        var id = new Argument<string>("id") { Description = "The entity id (provider-qualified, e.g. IT:p1)" };
        var user = CliContext.AsOption();
        var json = CliContext.JsonOption();
        var command = new Command("get", "One entity as the acting user may see it; an id they may not know of is answered like an unknown one.") { id, user, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            var entityId = parse.GetValue(id)!;
            var view = await store.Contributions.ReadEntityAsync(entityId, principal, ct)
                ?? throw Core.Model.ModelException.Unknown($"unknown entity '{entityId}'", "id");
            var also = view.HitOnly ? [] : await store.FollowUp.AlsoHeldAsync(principal, entityId, ct);
            var entity = view.ToEntity();
            var output = CliContext.Out(parse);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    id = view.HitOnly ? view.Withheld[0].Reference : view.Id,
                    schema = view.Schema,
                    decision = (view.HitOnly ? Decision.HitOnly : Decision.Allow).ToString(),
                    properties = entity.Values.GroupBy(v => v.Property).ToDictionary(g => g.Key, g => g.Select(v => v.Value).Distinct().ToList()),
                    withheld = view.Withheld,
                    alsoHeldBy = also,
                }, Json));
                return ExitCodes.Ok;
            }

            if (view.HitOnly)
            {
                await output.WriteLineAsync($"hit — ask {view.Withheld[0].Owner}, reference {view.Withheld[0].Reference}");
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync($"{view.Id} {view.Schema} \"{entity.Caption}\"");
            foreach (var v in entity.Values)
            {
                await output.WriteLineAsync($"  {v.Property}\t{v.Value}");
            }

            foreach (var w in view.Withheld)
            {
                await output.WriteLineAsync($"  more held by {w.Owner}, reference {w.Reference}");
            }

            if (also.Count > 0)
            {
                await output.WriteLineAsync("  also held by " + string.Join(", ", also.Select(a => a.Organisation).Distinct()));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Split()
    {
        var first = new Argument<string>("entity") { Description = "One record of the identity" };
        var second = new Argument<string>("other") { Description = "The record to split from it" };
        var user = CliContext.AsOption();
        var reason = new Option<string>("--reason") { Description = "Why the two are not the same after all", Required = true };
        var command = new Command("split", "Undo a confirmed match: the two records are shown apart again everywhere.") { first, second, user, reason };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            await store.FollowUp.SplitAsync(principal, parse.GetValue(first)!, parse.GetValue(second)!, parse.GetValue(reason), ct);
            await CliContext.Out(parse).WriteLineAsync($"{parse.GetValue(first)} and {parse.GetValue(second)} split");
            return ExitCodes.Ok;
        });
        return command;
    }
}
