namespace Tessera.Core.Normalisation;

/// <summary>The year, month and day read from a date's tokens, before the calendar is applied; 0 = unknown.</summary>
/// <param name="Swappable">True when the first two numbers can be read day/month or month/day.</param>
internal sealed record DateParts(int Year, int Month, int Day, bool Swappable, string? Error)
{
    /// <summary>True when a day or month was written as 00 (or xx): a placeholder for an unknown part.</summary>
    public bool ZeroWritten { get; init; }

    private static DateParts Fail(string error) => new(0, 0, 0, false, error);

    /// <summary>Assigns the tokens to year, month and day by their lengths and positions.</summary>
    public static DateParts From(List<DateToken> tokens, DateOnly today)
    {
        var numbers = tokens.Where(t => !t.IsMonthName).ToList();
        var monthName = tokens.FirstOrDefault(t => t.IsMonthName).Month;
        if (tokens.Count(t => t.IsMonthName) > 1 || numbers.Count > 3 || tokens.Count == 0)
        {
            return Fail("not a date");
        }

        var zero = numbers.Any(t => t.Digits.Length <= 2 && t.Value == 0);
        var parts = monthName > 0 ? WithMonthName(numbers, monthName, today) : ByPosition(numbers, today);
        return parts with { ZeroWritten = zero };
    }

    private static DateParts ByPosition(List<DateToken> numbers, DateOnly today)
    {
        return numbers.Count switch
        {
            1 => Single(numbers[0], today),
            2 => numbers[0].Digits.Length == 4 ? Ymd(numbers[0], numbers[1].Value, 0)
                : numbers[1].Digits.Length == 4 ? Ymd(numbers[1], numbers[0].Value, 0)
                : Fail("a two-part date needs a four-digit year"),
            _ => Three(numbers, today),
        };
    }

    private static DateParts Single(DateToken t, DateOnly today) => t.Digits.Length switch
    {
        4 => Ymd(t, 0, 0),
        // Compact forms: yyyymmdd (ISO 8601 basic) when it starts with a plausible century, else ddmmyyyy.
        8 when t.Digits[..2] is "18" or "19" or "20" or "21" => new DateParts(Int(t.Digits[..4]), Int(t.Digits[4..6]), Int(t.Digits[6..]), false, null),
        8 => Three([DateToken.Number(t.Digits[..2]), DateToken.Number(t.Digits[2..4]), DateToken.Number(t.Digits[4..])], today),
        _ => Fail("a date needs a four-digit year"),
    };

    private static DateParts Three(List<DateToken> n, DateOnly today)
    {
        if (n[0].Digits.Length == 4)
        {
            return Ymd(n[0], n[1].Value, n[2].Value);
        }

        if (n[2].Digits.Length is not (2 or 4) || n[0].Digits.Length > 2 || n[1].Digits.Length > 2)
        {
            return Fail("not a day, month and year");
        }

        var year = ExpandYear(n[2], today);
        int a = n[0].Value, b = n[1].Value;
        // European day-first order unless the first number cannot be a day-of-month but the second can be only a day.
        if (a <= 12 && b > 12)
        {
            return new DateParts(year, a, b, false, null);
        }

        return new DateParts(year, b, a, a is >= 1 and <= 12 && b is >= 1 and <= 12 && a != b, null);
    }

    private static DateParts WithMonthName(List<DateToken> n, int month, DateOnly today)
    {
        var years = n.Where(t => t.Digits.Length == 4).ToList();
        var others = n.Where(t => t.Digits.Length != 4).ToList();
        if (years.Count > 1 || others.Count > (years.Count == 0 ? 2 : 1))
        {
            return Fail("not a day, month and year");
        }

        if (years.Count == 0)
        {
            // "7 Mar 90": the last two-digit number is the year.
            if (others.Count != 2 || others[1].Digits.Length != 2)
            {
                return Fail("a date needs a year");
            }

            return new DateParts(ExpandYear(others[1], today), month, others[0].Value, false, null);
        }

        var day = others.Count == 1 ? others[0].Value : 0;
        return new DateParts(years[0].Value, month, day, false, null);
    }

    private static DateParts Ymd(DateToken year, int month, int day) => new(year.Value, month, day, false, null);

    private static int ExpandYear(DateToken t, DateOnly today)
    {
        if (t.Digits.Length != 2)
        {
            return t.Value;
        }

        // Two-digit years: not after this year, so "07/03/90" is 1990 and "07/03/15" is 2015.
        var yy = t.Value;
        var century = today.Year - (today.Year % 100);
        return century + yy > today.Year ? century - 100 + yy : century + yy;
    }

    private static int Int(string digits) => int.Parse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
}
