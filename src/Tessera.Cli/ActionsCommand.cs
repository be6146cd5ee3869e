using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Core.Reporting;

namespace Tessera.Cli;

/// <summary><c>tessera actions</c>: the actions of Council note 13901/23 and each organisation's status of them, with evidence.</summary>
internal static class ActionsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("actions", "The actions of Council note 13901/23 and where each organisation stands with them.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Set());
        return command;
    }

    private static Command List()
    {
        var user = CliContext.AsOption();
        var org = new Option<string?>("--org") { Description = "Only this organisation's statuses" };
        var json = CliContext.JsonOption();
        var command = new Command("list", "Every action with the statuses set (an action nobody set is not started).") { user, org, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            var statuses = await store.Actions.StatusesAsync(principal, parse.GetValue(org), ct);
            var output = CliContext.Out(parse);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(BarometerActions.All.Select(a => new
                {
                    a.Id, a.Section, a.Title, a.Cadence, a.Indicators,
                    statuses = statuses.Where(s => s.ActionId == a.Id).Select(s => new { s.Organisation, status = BarometerActions.Name(s.Status), s.Evidence, s.Note, s.Since, s.SetBy }),
                }), Json));
                return ExitCodes.Ok;
            }

            foreach (var a in BarometerActions.All)
            {
                var set = statuses.Where(s => s.ActionId == a.Id).Select(s => s.Organisation + "=" + BarometerActions.Name(s.Status));
                await output.WriteLineAsync($"{a.Id}\t{a.Title}\t{string.Join(' ', set)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Set()
    {
        var id = new Argument<string>("action") { Description = "The action, e.g. I.3" };
        var status = new Argument<string>("status") { Description = "not-started, under-way, done or not-applicable" };
        var user = CliContext.AsOption();
        var evidence = new Option<string[]>("--evidence") { Description = "case:ID, contribution:N, check:N, note:N or an https:// link (repeatable)", AllowMultipleArgumentsPerToken = true };
        var note = new Option<string?>("--note") { Description = "A note on the status" };
        var since = new Option<string?>("--since") { Description = "The date the status holds from (YYYY-MM-DD; default today)" };
        var command = new Command("set", "Set your organisation's status of an action, with evidence; audited.") { id, status, user, evidence, note, since };
        command.SetAction(async (parse, ct) =>
        {
            var sinceText = parse.GetValue(since);
            DateOnly? day = null;
            if (sinceText is not null)
            {
                day = DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new Core.Model.ModelException($"'{sinceText}' is not a date (YYYY-MM-DD)", field: "since");
            }

            var parsed = BarometerActions.ParseStatus(parse.GetValue(status));
            await using var store = await CliContext.OpenStoreAsync(ct);
            var principal = await CliContext.UserAsync(store, parse.GetValue(user)!, ct);
            var set = await store.Actions.SetAsync(principal, principal.Organisation, parse.GetValue(id)!, parsed, parse.GetValue(evidence) ?? [], parse.GetValue(note), day, ct);
            await CliContext.Out(parse).WriteLineAsync($"{set.Organisation}\t{set.ActionId}\t{BarometerActions.Name(set.Status)}\t{set.Evidence.Count.ToString(CultureInfo.InvariantCulture)} evidence");
            return ExitCodes.Ok;
        });
        return command;
    }
}
