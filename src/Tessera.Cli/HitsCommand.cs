using System.CommandLine;
using System.Globalization;
using Tessera.Storage.CrossCheck;

namespace Tessera.Cli;

/// <summary><c>tessera hits --org IT</c>: an organisation's hit inbox as its analysts see it.</summary>
internal static class HitsCommand
{
    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "Organisation whose inbox to show", Required = true };
        var command = new Command("hits", "Show an organisation's hits: details where allowed, else the owner and a reference to ask for it.") { org };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var analyst = await CliContext.AnalystOfAsync(store, parse.GetValue(org)!, ct);
            foreach (var h in await HitInbox.ForAsync(store, analyst, 200, ct))
            {
                var other = h.Other is { } o ? $"{o.Organisation} {o.Schema} {o.EntityId} \"{o.Caption}\" — {h.Summary}" : $"hit — ask {h.OtherWithheld!.Owner}, reference {h.OtherWithheld.Reference}";
                await CliContext.Out(parse).WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"#{h.Id}\t{h.Kind}\t{h.Probability:0.000}\t{h.Mine.EntityId} \"{h.Mine.Caption}\"\t↔ {other}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
