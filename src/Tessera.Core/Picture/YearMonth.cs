using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Core.Picture;

/// <summary>A calendar month, written <c>yyyy-MM</c>; the unit of Frontex's monthly detection statistics.</summary>
[JsonConverter(typeof(YearMonthJsonConverter))]
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>Months since January of year 0: consecutive months differ by one.</summary>
    public int Index => (Year * 12) + Month - 1;

    public static YearMonth FromIndex(int index) => new(index / 12, (index % 12) + 1);

    public static YearMonth Of(DateOnly day) => new(day.Year, day.Month);

    public YearMonth AddMonths(int months) => FromIndex(Index + months);

    public YearMonth AddYears(int years) => new(Year + years, Month);

    /// <summary>Parses <c>yyyy-MM</c>; null when the text is not a month.</summary>
    public static YearMonth? TryParse(string? text)
    {
        if (text is null || text.Length != 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m is < 1 or > 12)
        {
            return null;
        }

        return new YearMonth(y, m);
    }

    /// <summary>Parses <c>yyyy-MM</c> or throws <see cref="Model.ModelException"/>.</summary>
    public static YearMonth Parse(string text) =>
        TryParse(text) ?? throw new Model.ModelException($"'{text}' is not a month (yyyy-MM)");

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth from, YearMonth to)
    {
        for (var i = from.Index; i <= to.Index; i++)
        {
            yield return FromIndex(i);
        }
    }

    public int CompareTo(YearMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(YearMonth a, YearMonth b) => a.Index < b.Index;

    public static bool operator >(YearMonth a, YearMonth b) => a.Index > b.Index;

    public static bool operator <=(YearMonth a, YearMonth b) => a.Index <= b.Index;

    public static bool operator >=(YearMonth a, YearMonth b) => a.Index >= b.Index;

    public override string ToString() => Year.ToString("0000", CultureInfo.InvariantCulture) + "-" + Month.ToString("00", CultureInfo.InvariantCulture);
}

/// <summary>Writes a <see cref="YearMonth"/> as the JSON string <c>"yyyy-MM"</c>.</summary>
public sealed class YearMonthJsonConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        YearMonth.TryParse(reader.GetString()) ?? throw new JsonException("expected a month yyyy-MM");

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
