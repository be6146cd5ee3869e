using System.CommandLine;
using Tessera.Storage.Directory;

namespace Tessera.Cli;

/// <summary><c>tessera orgs add|list|hub</c>: the organisations taking part, and which of them runs the hub.</summary>
internal static class OrgsCommand
{
    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "Short code, e.g. IT or EU-HUB" };
        var name = new Option<string>("--name") { Description = "Full name", Required = true };
        var country = new Option<string>("--country") { Description = "ISO country code, or EU for an agency", Required = true };
        var kind = new Option<string>("--kind") { Description = "member-state, eu-agency, third-country or international-organisation", DefaultValueFactory = _ => "member-state" };
        var add = new Command("add", "Add an organisation.") { code, name, country, kind };
        add.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.SetUpStoreAsync(ct);
            await store.Directory.AddOrganisationAsync(new Organisation(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(country)!, parse.GetValue(kind)!), CliContext.Operator, ct);
            return ExitCodes.Ok;
        });

        var list = new Command("list", "List the organisations.");
        list.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            foreach (var o in await store.Directory.OrganisationsAsync(ct))
            {
                var hub = o.Code == store.Settings.Hub ? "\thub" : "";
                await CliContext.Out(parse).WriteLineAsync($"{o.Code}\t{o.Country}\t{o.Kind}\t{o.Name}{hub}");
            }

            return ExitCodes.Ok;
        });

        var hubCode = new Argument<string>("code") { Description = "The organisation that runs the hub" };
        var hub = new Command("hub", "Declare the organisation that runs the hub: only its hub analysts get hub rights.") { hubCode };
        hub.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            await store.Settings.SetHubAsync(parse.GetValue(hubCode)!, CliContext.Operator, ct);
            await CliContext.Out(parse).WriteLineAsync($"The hub is run by {parse.GetValue(hubCode)}");
            return ExitCodes.Ok;
        });
        return new Command("orgs", "Organisations: national authorities and EU agencies.") { add, list, hub };
    }
}
