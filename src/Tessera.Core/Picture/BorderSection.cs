using System.Globalization;
using System.Text.Json.Serialization;

namespace Tessera.Core.Picture;

/// <summary>Land or sea border.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BorderKind>))]
public enum BorderKind
{
    Land,
    Sea,
}

/// <summary>An external border section to which an impact level is attributed (Reg. (EU) 2019/1896 Arts. 30, 34).</summary>
/// <param name="Code">A short code, e.g. <c>HR-BA</c> (Croatia–Bosnia and Herzegovina land border) or <c>IT-SEA</c>.</param>
/// <param name="Neighbour">The third country or countries across the section (ISO 3166-1 alpha-2, ';'-separated for sea sections).</param>
/// <param name="Latitude">An approximate representative point (decimal degrees, WGS 84) for maps.</param>
public sealed record BorderSection(
    string Code,
    string Name,
    BorderKind Kind,
    string Route,
    string MemberState,
    string Neighbour,
    double LengthKm,
    double Latitude,
    double Longitude);

/// <summary>The starter set of sections: every Schengen external land border pair on a Frontex route, plus one sea section per route and state.</summary>
/// <remarks>Land pairs from the Natural Earth 1:10m topology (lengths approximate, short); sea sections modelled per route as the
/// reference suggests. Administrators replace or extend the set; Member States determine the real sections (Art. 30).</remarks>
public static class BorderSections
{
    public static IReadOnlyList<BorderSection> Starter() => StarterSet.Value;

    private static readonly Lazy<IReadOnlyList<BorderSection>> StarterSet = new(Load);

    /// <summary>Approximate route lines (departure area to EU side), as (latitude, longitude) points, for maps.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(double Lat, double Lon)>> RouteLines() => Lines.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<(double Lat, double Lon)>>> Lines = new(LoadLines);

    private static List<BorderSection> Load()
    {
        var list = new List<BorderSection>();
        foreach (var (_, f) in ReadResource("border_sections.csv").Skip(1))
        {
            list.Add(new BorderSection(f[0], f[1], Enum.Parse<BorderKind>(f[2]), f[3], f[4], f[5],
                Number(f[6]), Number(f[7]), Number(f[8])));
        }

        return list;
    }

    private static Dictionary<string, IReadOnlyList<(double Lat, double Lon)>> LoadLines()
    {
        var lines = new Dictionary<string, IReadOnlyList<(double Lat, double Lon)>>(StringComparer.Ordinal);
        foreach (var (_, f) in ReadResource("routes.csv").Skip(1))
        {
            lines[f[0]] = f[1].Split(';').Select(p => p.Split(' ')).Select(p => (Number(p[0]), Number(p[1]))).ToList();
        }

        return lines;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<(int Line, string[] Fields)> ReadResource(string name)
    {
        using var stream = typeof(BorderSections).Assembly.GetManifestResourceStream("Tessera.Core.Picture.Data." + name)!;
        using var reader = new StreamReader(stream);
        return CsvRows.Read(reader).ToList();
    }
}
