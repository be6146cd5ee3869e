using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using Tessera.Core.Model;

namespace Tessera.Core.Picture;

/// <summary>Reads Frontex's "Monthly detections of IBC" workbook as Frontex publishes it on its Migratory Map page.</summary>
/// <remarks>Sheet <c>Detections_of_IBC</c>: <c>Route | Border type or inland | Nationality | JAN2009 | FEB2009 …</c>, one row per
/// series; sheet <c>Notes</c> states the vintage ("Source: FRAN data as of 03JUN25"). Columns are found by their header,
/// so a release that adds a month or moves a column still reads.</remarks>
internal static partial class FrontexWorkbook
{
    public const string DataSheet = "Detections_of_IBC";

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    public static DetectionBatch Read(string fileName, byte[] bytes, string hash)
    {
        using var stream = new MemoryStream(bytes);
        List<string> sheets;
        try
        {
            sheets = stream.GetSheetNames();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new ModelException("not a readable xlsx workbook: " + ex.Message, fileName, null);
        }

        if (!sheets.Contains(DataSheet))
        {
            throw new ModelException($"no sheet '{DataSheet}': not Frontex's monthly detections workbook (sheets: {string.Join(", ", sheets)})", fileName, null);
        }

        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: false, sheetName: DataSheet).Cast<IDictionary<string, object?>>().ToList();
        if (rows.Count == 0)
        {
            throw new ModelException("the sheet is empty", fileName, 1, DataSheet);
        }

        var header = rows[0];
        string? routeCol = null, typeCol = null, natCol = null;
        var months = new List<(string Column, YearMonth Month)>();
        foreach (var (column, value) in header)
        {
            var text = Text(value);
            if (text.StartsWith("Route", StringComparison.OrdinalIgnoreCase))
            {
                routeCol = column;
            }
            else if (text.StartsWith("Border type", StringComparison.OrdinalIgnoreCase))
            {
                typeCol = column;
            }
            else if (text.StartsWith("Nationality", StringComparison.OrdinalIgnoreCase))
            {
                natCol = column;
            }
            else if (ParseMonth(text) is { } month)
            {
                months.Add((column, month));
            }
        }

        if (routeCol is null || natCol is null || months.Count == 0)
        {
            throw new ModelException("header row must name Route, Nationality and month columns such as JAN2009", fileName, 1, DataSheet);
        }

        var detections = new List<DetectionCount>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var line = r + 1;
            var route = Text(row.TryGetValue(routeCol, out var rv) ? rv : null);
            var nationality = Text(row.TryGetValue(natCol, out var nv) ? nv : null);
            var type = typeCol is null ? "" : Text(row.TryGetValue(typeCol, out var tv) ? tv : null);
            if (route.Length == 0 && nationality.Length == 0)
            {
                continue;
            }

            if (route.Length == 0)
            {
                throw new ModelException("route is empty", fileName, line, routeCol);
            }

            foreach (var (column, month) in months)
            {
                var count = Count(row.TryGetValue(column, out var cv) ? cv : null, fileName, line, column);
                if (count > 0)
                {
                    detections.Add(new DetectionCount(month, route, type, nationality, count, PictureSources.Frontex, Nationalities.Iso3(nationality)));
                }
            }
        }

        return new DetectionBatch(fileName, DetectionFormat.FrontexWorkbook, PictureSources.Frontex, Vintage(bytes, sheets), hash,
            detections, [], [], []);
    }

    /// <summary>"JAN2009" → 2009-01.</summary>
    internal static YearMonth? ParseMonth(string text)
    {
        if (text.Length != 7)
        {
            return null;
        }

        var m = Array.IndexOf(MonthNames, text[..3].ToUpperInvariant());
        return m >= 0 && int.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? new YearMonth(y, m + 1) : null;
    }

    private static long Count(object? value, string file, int line, string column) => value switch
    {
        null => 0,
        double d when d >= 0 && d == Math.Floor(d) => (long)d,
        int i when i >= 0 => i,
        long l when l >= 0 => l,
        decimal m when m >= 0 && m == decimal.Floor(m) => (long)m,
        string s => DetectionFiles.ParseCount(s, file, line, column),
        _ => throw new ModelException($"'{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a count (a whole number ≥ 0)", file, line, column),
    };

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";

    /// <summary>The "FRAN data as of 03JUN25" date of the Notes sheet as <c>yyyy-MM-dd</c>, or null.</summary>
    private static string? Vintage(byte[] bytes, List<string> sheets)
    {
        if (!sheets.Contains("Notes"))
        {
            return null;
        }

        using var stream = new MemoryStream(bytes);
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: "Notes"))
        {
            foreach (var value in row.Values)
            {
                var match = AsOf().Match(Text(value));
                if (match.Success && DateOnly.TryParseExact(match.Groups[1].Value, "ddMMMyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"data as of\s*(\d{2}[A-Za-z]{3}\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex AsOf();
}
