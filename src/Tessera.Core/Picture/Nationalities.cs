using System.Globalization;

namespace Tessera.Core.Picture;

/// <summary>Frontex nationality labels and their ISO 3166-1 alpha-3 codes (shipped table; XKX Kosovo*, OOO unknown, OOS sub-Saharan, STL stateless).</summary>
public static class Nationalities
{
    private static readonly Lazy<Dictionary<string, string>> Table = new(Load);

    /// <summary>The alpha-3 code of a Frontex nationality label, or null when the label is not in the table.</summary>
    public static string? Iso3(string label) => Table.Value.TryGetValue(label.Trim(), out var code) ? code : null;

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(Nationalities).Assembly.GetManifestResourceStream("Tessera.Core.Picture.Data.nationality_iso3.csv")!;
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, fields) in CsvRows.Read(reader).Skip(1))
        {
            if (fields.Length >= 2)
            {
                table[fields[0].Trim()] = fields[1].Trim().ToUpper(CultureInfo.InvariantCulture);
            }
        }

        return table;
    }
}
