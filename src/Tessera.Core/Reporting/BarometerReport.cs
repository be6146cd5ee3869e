using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tessera.Core.Reporting;

/// <summary>The Schengen Barometer+ for a period: where each organisation stands with each action, and the indicators.</summary>
/// <param name="Organisations">The reporting organisations (code and name), in code order.</param>
/// <param name="Actions">One status per organisation and action; an action nobody set is not started.</param>
/// <param name="Threshold">Counts from 1 to threshold − 1 are suppressed.</param>
/// <param name="DataUpTo">The newest time in the data the report was computed from (or the period's start when there is none): the
/// report's date, so that the same data gives the same report.</param>
public sealed record BarometerReport(ReportPeriod Period, IReadOnlyList<(string Code, string Name)> Organisations,
    IReadOnlyList<ActionProgress> Actions, IReadOnlyList<IndicatorValue> Indicators, int Threshold, DateTimeOffset DataUpTo)
{
    /// <summary>The value of <paramref name="key"/> for <paramref name="organisation"/> (null: EU-wide), or null.</summary>
    public IndicatorValue? Find(string key, string? organisation = null) =>
        Indicators.FirstOrDefault(i => i.Key == key && i.Organisation == organisation);

    /// <summary>The report as JSON: <c>period</c>, <c>actions</c> (<c>{organisation, id, section, status}</c>) and <c>indicators</c>
    /// (<c>{key, organisation, value, previous}</c>; organisation null for EU-wide figures, value null where suppressed).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("period");
            w.WriteString("from", Period.From.ToString());
            w.WriteString("to", Period.To.ToString());
            w.WriteEndObject();
            w.WriteStartArray("actions");
            foreach (var a in Actions)
            {
                w.WriteStartObject();
                w.WriteString("organisation", a.Organisation);
                w.WriteString("id", a.ActionId);
                w.WriteString("section", BarometerActions.Get(a.ActionId).Section);
                w.WriteString("status", BarometerActions.Name(a.Status));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("indicators");
            foreach (var i in Indicators)
            {
                w.WriteStartObject();
                w.WriteString("key", i.Key);
                w.WriteString("organisation", i.Organisation);
                Number(w, "value", i.Value);
                Number(w, "previous", i.Previous);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The indicators as CSV: key, organisation (empty EU-wide), value and previous (empty where suppressed), change in percent.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("key,organisation,value,previous,change_percent\n");
        foreach (var i in Indicators)
        {
            csv.Append(i.Key).Append(',').Append(i.Organisation).Append(',').Append(Format(i.Value)).Append(',')
                .Append(Format(i.Previous)).Append(',').Append(Format(i.ChangePercent)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>A figure as printed: invariant culture, at most one decimal.</summary>
    public static string Format(double? v) => v is { } x ? Math.Round(x, 1).ToString("0.#", CultureInfo.InvariantCulture) : "";

    private static void Number(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x)
        {
            w.WriteNumber(name, Math.Round(x, 1));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
