using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tessera.Core.Normalisation;

namespace Tessera.Cli;

/// <summary><c>tessera normalise KIND VALUE</c>: normalises and validates one value; exit code 2 when it is invalid.</summary>
internal static class NormaliseCommand
{
    /// <summary>camelCase JSON with readable non-ASCII text (Arabic, Cyrillic) and enums as names.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create()
    {
        var kinds = Normalisers.Kinds.ToArray();
        var kind = new Argument<string>("kind") { Description = "What the value is: " + string.Join(", ", kinds) };
        kind.AcceptOnlyFromAmong(kinds);
        var value = new Argument<string[]>("value")
        {
            Description = "The value; an MRZ may be given as one argument per line",
            Arity = ArgumentArity.OneOrMore,
        };
        var region = new Option<string?>("--region") { Description = "Default country (ISO 3166 alpha-2) for national phone numbers" };
        var platform = new Option<string?>("--platform") { Description = "Platform of a handle given without one (telegram, facebook …)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with value, valid, reason and the parsed fields" };
        var command = new Command("normalise", "Normalise and validate one value: phone, IBAN, MRZ, date, country …")
        {
            kind, value, region, platform, json,
        };
        command.Aliases.Add("normalize");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var k = parse.GetValue(kind)!;
            var parts = parse.GetValue(value) ?? [];
            var raw = string.Join(k == "mrz" || k == "document" ? "\n" : " ", parts);
            var context = new NormalisationContext(parse.GetValue(region), parse.GetValue(platform));
            var result = Normalisers.Normalise(k, raw, context)!;
            output.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(result, result.GetType(), Json) : Readable(result));
            return result.Valid ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }

    /// <summary>"value valid field=… field=…" or "value invalid: reason".</summary>
    private static string Readable(NormalisedValue result)
    {
        var head = (result.Value ?? "-").Replace("\n", " / ", StringComparison.Ordinal);
        if (!result.Valid)
        {
            return $"{head}\tinvalid: {result.Reason}";
        }

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(result, result.GetType(), Json));
        var fields = doc.RootElement.EnumerateObject()
            .Where(p => p.Name is not ("value" or "valid" or "reason") && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True)
            .Select(p => $"{p.Name}={p.Value}");
        return string.Join('\t', new[] { head, "valid" }.Concat(fields));
    }
}
