using System.Globalization;
using Tessera.Core.Model;

namespace Tessera.Core.Picture;

/// <summary>Daily sea arrivals in Italy from the Interior Ministry's "cruscotto statistico giornaliero" (CSV by ondata, CC BY 4.0).</summary>
/// <remarks>Each day appears in every half-month report that covers it; the value of the latest <c>Data_Report</c> is kept
/// (later reports consolidate earlier ones). A value the PDF extraction garbled (empty, <c>0[VALORE]0</c>) is left out with a
/// warning, as the dataset's README prescribes, and so is a zero on a day past the month's end (table padding); any other
/// bad date fails the file.</remarks>
internal static class ItalianDailyArrivals
{
    public static DetectionBatch Read(string file, string hash, string[] header, List<(int Line, string[] Fields)> rows)
    {
        int Col(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var (dayCol, valueCol, reportCol) = (Col("Data"), Col("Valore"), Col("Data_Report"));
        var latest = new Dictionary<DateOnly, DailyArrival>();
        var warnings = new List<ImportWarning>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                throw new ModelException($"expected {header.Length} columns, found {fields.Length}", file, line);
            }

            var report = Date(fields[reportCol], file, line, "Data_Report");
            var text = fields[valueCol].Trim();
            if (text == "0" && IsPastMonthEnd(fields[dayCol]))
            {
                // Mid-month reports pad their tables to day 31 with zeros (2024-04-31, 2025-02-30 …): no such day.
                warnings.Add(new ImportWarning(file, line, "Data", $"'{fields[dayCol]}' is not a calendar day (report padding, value 0); left out"));
                continue;
            }

            var day = Date(fields[dayCol], file, line, "Data");
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                warnings.Add(new ImportWarning(file, line, "Valore", $"'{text}' is not a count (PDF extraction fault); this report's value for {Format(day)} is left out"));
                continue;
            }

            if (!latest.TryGetValue(day, out var seen) || report > seen.ReportDate)
            {
                latest[day] = new DailyArrival(day, PictureSources.CentralMediterranean, count, PictureSources.ItalyDaily, report);
            }
        }

        var days = latest.Values.OrderBy(d => d.Day).ToList();
        return new DetectionBatch(file, DetectionFormat.ItalianDailyArrivals, PictureSources.ItalyDaily,
            days.Count == 0 ? null : Format(days.Max(d => d.ReportDate)), hash, [], days, [], warnings);
    }

    private static bool IsPastMonthEnd(string text) =>
        text.Trim() is { Length: 10 } t && YearMonth.TryParse(t[..7]) is { } m
        && int.TryParse(t.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && d > DateTime.DaysInMonth(m.Year, m.Month) && d <= 31;

    private static DateOnly Date(string text, string file, int line, string column) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ModelException($"'{text}' is not a date (yyyy-MM-dd)", file, line, column);

    private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
