using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Core.Model;
using Tessera.Storage.Contributions;

namespace Tessera.Cli;

/// <summary><c>tessera retention run|extend</c>: every contribution's review date enforced — owners told 30 days ahead,
/// contributions past their review date erased (audited), a review date extended by its owner.</summary>
internal static class RetentionCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create() =>
        new("retention", "Review dates: tell owners what comes due, erase what is past its review date, extend a review date.") { Run(), Extend() };

    private static Command Run()
    {
        var json = CliContext.JsonOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be told and erased, and change nothing" };
        var run = new Command("run", $"Tell the owners of contributions due for review within {Retention.NoticeDays} days (once per review date) and erase, with an audit entry each, contributions past their review date.") { json, dryRun };
        run.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var result = await store.Retention.RunAsync(CliContext.Operator, parse.GetValue(dryRun), ct);
            var output = CliContext.Out(parse);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
                return ExitCodes.Ok;
            }

            var told = result.Notified.Select(d => d.ContributionId).ToHashSet();
            foreach (var d in result.Due)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"due\t{d.ContributionId}\t{d.Organisation}\t{Day(d.ReviewDate)}\t{d.DaysLeft} days\t{d.Source}\t{(told.Contains(d.ContributionId) ? (result.DryRun ? "would be told" : "told now") : "told before")}"));
            }

            foreach (var e in result.Erased)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{(result.DryRun ? "would erase" : "erased")}\t{e.ContributionId}\t{e.Organisation}\t{Day(e.ReviewDate)}\t{e.Statements} statements, {e.Hits} hits\t{e.Source}"));
            }

            await CliContext.Error(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"retention {Day(result.Today)}{(result.DryRun ? " (dry run)" : "")}: {result.Due.Count} due, {result.Notified.Count} owners told, {result.Erased.Count} erased"));
            return ExitCodes.Ok;
        });
        return run;
    }

    private static Command Extend()
    {
        var id = new Argument<long>("contribution") { Description = "The contribution's number" };
        var until = new Option<string>("--until") { Description = $"The new review date, YYYY-MM-DD (after today, at most {Retention.MaxExtensionYears} years ahead)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the data are still needed (audited)", Required = true };
        var org = new Option<string>("--org") { Description = "The owning organisation; only it may extend", Required = true };
        var extend = new Command("extend", "Move a contribution's review date, as its owner, with the reason audited.") { id, until, reason, org };
        extend.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(until)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ModelException($"'{text}' is not a date YYYY-MM-DD", field: "until");
            }

            await using var store = await CliContext.OpenStoreAsync(ct);
            var by = await CliContext.AnalystOfAsync(store, parse.GetValue(org)!, ct);
            var before = await store.Retention.ExtendAsync(parse.GetValue(id), date, parse.GetValue(reason)!, by, ct);
            await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"contribution {parse.GetValue(id)}: review date {Day(before)} moved to {Day(date)}"));
            return ExitCodes.Ok;
        });
        return extend;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
