using System.Globalization;

namespace Tessera.Core.Normalisation;

/// <summary>Turns year, month and day in a given calendar into a Gregorian date or interval with its readings.</summary>
internal static class DateInterpretation
{
    private const int MinYear = 1800;
    private const int MaxYear = 2200;
    private static readonly GregorianCalendar Gregorian = new();
    private static readonly UmAlQuraCalendar UmAlQura = new();
    private static readonly HijriCalendar TabularHijri = new();
    private static readonly PersianCalendar Persian = new();

    public static DateResult Resolve(DateParts p, DateCalendar calendar)
    {
        if (p.Year <= 0)
        {
            return Invalid("no year");
        }

        if (p.Month is < 0 or > 12)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"month {p.Month} out of range"));
        }

        if (p.Day is < 0 or > 31)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"day {p.Day} out of range"));
        }

        var cal = CalendarFor(calendar, p.Year);
        if (calendar == DateCalendar.Gregorian && p.Year is < MinYear or > MaxYear)
        {
            return Invalid(p.Year is >= 1300 and < 1500
                ? string.Create(CultureInfo.InvariantCulture, $"year {p.Year} looks like a Hijri or Solar Hijri year: mark it AH or SH")
                : string.Create(CultureInfo.InvariantCulture, $"year {p.Year} out of range {MinYear}-{MaxYear}"));
        }

        if (p.Year < cal.GetYear(cal.MinSupportedDateTime) + 1 || p.Year >= cal.GetYear(cal.MaxSupportedDateTime))
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"year {p.Year} out of range for the {calendar} calendar"));
        }

        var primary = Interval(cal, p.Year, p.Month, p.Day);
        if (primary.Error is not null)
        {
            return Invalid(primary.Error);
        }

        var (earliest, latest) = (primary.Earliest, primary.Latest);
        if (earliest.Year is < MinYear or > MaxYear)
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"year {earliest.Year} out of range {MinYear}-{MaxYear}"));
        }

        string[] readings = [];
        if (p.Swappable)
        {
            var swapped = Interval(cal, p.Year, p.Day, p.Month);
            if (swapped.Error is null)
            {
                readings = [Iso(primary.Earliest), Iso(swapped.Earliest)];
                earliest = Min(earliest, swapped.Earliest);
                latest = Max(latest, swapped.Latest);
            }
        }

        var precision = p.Month == 0 ? "year" : p.Day == 0 ? "month" : "day";
        return new DateResult(Value(calendar, precision, primary.Earliest, primary.Latest), true, null)
        {
            Precision = precision,
            Earliest = Iso(earliest),
            Latest = Iso(latest),
            Readings = readings,
            Ambiguous = readings.Length > 0,
            // Registries fill unknown dates of birth with 1 January or 00: such a date says little (er-anchors §6.2).
            Placeholder = p.ZeroWritten || (p.Month == 1 && p.Day == 1),
            Calendar = calendar,
        };
    }

    private static Calendar CalendarFor(DateCalendar calendar, int year) => calendar switch
    {
        // Umm al-Qura tables cover 1318–1500 AH; outside them the arithmetic (tabular) Hijri calendar.
        DateCalendar.Hijri => year is > 1318 and < 1500 ? UmAlQura : TabularHijri,
        DateCalendar.SolarHijri => Persian,
        _ => Gregorian,
    };

    private static (DateTime Earliest, DateTime Latest, string? Error) Interval(Calendar cal, int year, int month, int day)
    {
        try
        {
            if (month == 0)
            {
                var last = cal.GetMonthsInYear(year);
                return (cal.ToDateTime(year, 1, 1, 0, 0, 0, 0), cal.ToDateTime(year, last, cal.GetDaysInMonth(year, last), 0, 0, 0, 0), null);
            }

            var days = cal.GetDaysInMonth(year, month);
            if (day == 0)
            {
                return (cal.ToDateTime(year, month, 1, 0, 0, 0, 0), cal.ToDateTime(year, month, days, 0, 0, 0, 0), null);
            }

            if (day > days)
            {
                return (default, default, string.Create(CultureInfo.InvariantCulture, $"day {day} out of range for month {month} of {year}"));
            }

            var d = cal.ToDateTime(year, month, day, 0, 0, 0, 0);
            return (d, d, null);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (default, default, "outside the range of its calendar");
        }
    }

    private static string Value(DateCalendar calendar, string precision, DateTime earliest, DateTime latest) => precision switch
    {
        "day" => Iso(earliest),
        _ when calendar != DateCalendar.Gregorian => Iso(earliest) + "/" + Iso(latest),
        "month" => earliest.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => earliest.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    private static string Iso(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateResult Invalid(string reason) => new(null, false, reason);
}
