using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tessera.Core.Matching;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;
using Tessera.Storage.CrossCheck;

namespace Tessera.Cli;

/// <summary><c>tessera check person|identifier</c>: systematic checks against stored data or one reference list, each logged.</summary>
internal static class CheckCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var org = new Option<string>("--org") { Description = "Organisation on whose behalf the check runs (it decides what the answer may show)", Required = true };
        var list = new Option<string?>("--list") { Description = "Only this reference list (the source file name of a reference-list contribution)" };
        var json = CliContext.JsonOption();

        var name = new Option<string>("--name") { Description = "Name in any script", Required = true };
        var birth = new Option<string?>("--birth-date") { Description = "Date of birth, full or partial" };
        var nationality = new Option<string?>("--nationality") { Description = "Nationality (code or name)" };
        var person = new Command("person", "Screen a person.") { name, birth, nationality, org, list, json };
        person.SetAction(async (parse, ct) =>
        {
            await using var store = await CliContext.OpenStoreAsync(ct);
            var query = new PersonRecord("query") { Name = parse.GetValue(name), BirthDate = parse.GetValue(birth), Nationality = parse.GetValue(nationality) };
            var result = await store.CrossCheck.ScreenPersonAsync(query, await CliContext.AnalystOfAsync(store, parse.GetValue(org)!, ct), parse.GetValue(list), ct);
            return await WriteAsync(parse, result, parse.GetValue(json));
        });

        var type = new Option<string>("--type") { Description = "phone, iban, document, imo, mmsi, wallet, handle, plate, email", Required = true };
        var value = new Argument<string>("value") { Description = "The identifier as written" };
        var region = new Option<string?>("--region") { Description = "Default region for phone numbers" };
        var identifier = new Command("identifier", "Screen a strong identifier.") { value, type, region, org, list, json };
        identifier.SetAction(async (parse, ct) =>
        {
            var normalised = Normalisers.Normalise(parse.GetValue(type)!, parse.GetValue(value), new NormalisationContext(parse.GetValue(region)))
                ?? throw new ModelException($"unknown identifier type '{parse.GetValue(type)}'", field: "type");
            if (!normalised.Valid || normalised.Value is null)
            {
                throw new ModelException(normalised.Reason ?? "invalid", field: "value");
            }

            await using var store = await CliContext.OpenStoreAsync(ct);
            var result = await store.CrossCheck.ScreenIdentifierAsync(parse.GetValue(type)!, normalised.Value, await CliContext.AnalystOfAsync(store, parse.GetValue(org)!, ct), parse.GetValue(list), ct);
            return await WriteAsync(parse, result, parse.GetValue(json));
        });

        return new Command("check", "Systematic checks (hit/no-hit) against stored data and reference lists; every check is logged.") { person, identifier };
    }

    private static async Task<int> WriteAsync(ParseResult parse, ScreeningResult result, bool json)
    {
        var output = CliContext.Out(parse);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { outcome = result.Outcome, result.Visible, result.Withheld }, Json));
            return ExitCodes.Ok;
        }

        await output.WriteLineAsync(result.Outcome);
        foreach (var m in result.Visible)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {m.Kind}\t{m.Weight:0.0} bits\t{m.Organisation}\t{m.EntityId}\t{m.Caption}\t{m.Explanation}"));
        }

        foreach (var w in result.Withheld)
        {
            await output.WriteLineAsync($"  hit — ask {w.Owner}, reference {w.Reference}");
        }

        return ExitCodes.Ok;
    }
}
