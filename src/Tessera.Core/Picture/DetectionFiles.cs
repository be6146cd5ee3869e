using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Model;

namespace Tessera.Core.Picture;

/// <summary>Reads a detection, daily-arrival or incident file, recognising its format from its content.</summary>
/// <remarks>Every row is validated before anything is stored; a bad row fails the whole file with a
/// <see cref="ModelException"/> naming file, line and column, so imports are all-or-nothing.</remarks>
public static class DetectionFiles
{
    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    public static DetectionBatch Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return Read(Path.GetFileName(path), bytes);
    }

    /// <summary>Reads and validates a file given as bytes; <paramref name="fileName"/> is used in messages.</summary>
    public static DetectionBatch Read(string fileName, byte[] bytes)
    {
        var hash = Hash(bytes);
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            return FrontexWorkbook.Read(fileName, bytes, hash);
        }

        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var rows = CsvRows.Read(new StringReader(text)).ToList();
        if (rows.Count == 0)
        {
            throw new ModelException("the file is empty", fileName, 1);
        }

        var header = rows[0].Fields.Select(h => h.Trim()).ToArray();
        return Recognise(header) switch
        {
            DetectionFormat.FrontexWideCsv => FrontexCsv.ReadWide(fileName, hash, header, rows),
            DetectionFormat.DetectionsLongCsv => FrontexCsv.ReadLong(fileName, hash, header, rows),
            DetectionFormat.ItalianDailyArrivals => ItalianDailyArrivals.Read(fileName, hash, header, rows),
            DetectionFormat.IncidentsCsv => IncidentCsv.Read(fileName, hash, header, rows),
            _ => throw new ModelException(
                "format not recognised: expected Frontex's workbook (.xlsx), its wide or long CSV, daily arrivals (Data,Valore,…,Data_Report) or incidents",
                fileName, 1),
        };
    }

    /// <summary>The content hash of a file (SHA-256, lower-case hex): the same bytes are never imported twice.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The CSV format a header row belongs to, or null.</summary>
    public static DetectionFormat? Recognise(IReadOnlyList<string> header)
    {
        bool Has(string name) => header.Contains(name, StringComparer.OrdinalIgnoreCase);
        if (Has("Data") && Has("Valore") && Has("Data_Report"))
        {
            return DetectionFormat.ItalianDailyArrivals;
        }

        if (Has("reference") && Has("latitude") && Has("longitude") && Has("impact_level"))
        {
            return DetectionFormat.IncidentsCsv;
        }

        if (Has("route") && Has("month") && Has("detections"))
        {
            return DetectionFormat.DetectionsLongCsv;
        }

        if (header.Count > 3 && Has("route") && header.Skip(3).All(h => YearMonth.TryParse(h) is not null))
        {
            return DetectionFormat.FrontexWideCsv;
        }

        return null;
    }

    internal static long ParseCount(string text, string file, int line, string column)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return 0;
        }

        if (long.TryParse(t, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            return n;
        }

        if (double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && d >= 0 && d == Math.Floor(d) && d < long.MaxValue)
        {
            return (long)d;
        }

        throw new ModelException($"'{text}' is not a count (a whole number ≥ 0)", file, line, column);
    }
}
