using System.Globalization;

namespace Tessera.Core.Normalisation;

/// <summary>A full or partial date with its uncertainty interval, the readings it allows, and flags for placeholder values.</summary>
/// <remarks>
/// <see cref="NormalisedValue.Value"/> is ISO 8601: <c>1990-03-07</c>, <c>1990-03</c> or <c>1990</c>; a partial date written in
/// a Hijri calendar, whose month or year straddles Gregorian ones, is the interval <c>earliest/latest</c>. A day/month ambiguous
/// date (03/07/1990) takes the day-first reading used in Europe as its value and keeps both in <see cref="Readings"/>.
/// </remarks>
public sealed record DateResult(string? Value, bool Valid, string? Reason) : NormalisedValue(Value, Valid, Reason)
{
    /// <summary>day, month or year.</summary>
    public string? Precision { get; init; }

    /// <summary>The first Gregorian day the date can mean (ISO 8601).</summary>
    public string? Earliest { get; init; }

    /// <summary>The last Gregorian day the date can mean (ISO 8601).</summary>
    public string? Latest { get; init; }

    /// <summary>Every full reading when day and month can be swapped; empty otherwise.</summary>
    public IReadOnlyList<string> Readings { get; init; } = [];

    public bool Ambiguous { get; init; }

    /// <summary>True for the dates registries put in when the real one is unknown: 1 January, or day or month 00.</summary>
    public bool Placeholder { get; init; }

    public DateCalendar Calendar { get; init; }
}

/// <summary>Parses dates of birth and event dates written in many forms and calendars.</summary>
public static class DateNormaliser
{
    /// <summary>Parses a date: ISO, d/m/y (and m/d/y when unambiguous), partial, with month names, or Hijri/Solar Hijri.</summary>
    public static DateResult Normalise(string? raw, NormalisationContext? context = null)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new DateResult(null, false, "empty");
        }

        if (raw.Length > 64)
        {
            return new DateResult(null, false, "too long for a date");
        }

        var persianDigits = Digits.HasPersianDigits(raw);
        var arabicDigits = raw.Any(c => c is >= '\u0660' and <= '\u0669');
        var (text, calendar) = DateWords.StripCalendarMarker(Digits.ToAscii(raw.Trim()));
        text = StripTime(text);
        var tokens = Tokenise(text, out var unknownWord, out var monthCalendar);
        if (unknownWord is not null)
        {
            return new DateResult(null, false, $"unrecognised word '{unknownWord}'");
        }

        var parts = DateParts.From(tokens, (context ?? NormalisationContext.None).Today);
        if (parts.Error is not null)
        {
            return new DateResult(null, false, parts.Error);
        }

        if (monthCalendar is { } named)
        {
            calendar = named;
        }
        else if (calendar == DateCalendar.Gregorian && parts.Year is >= 1300 and < 1500)
        {
            // Iranian and Afghan papers write Solar Hijri in Persian digits; Arabic-Indic digits go with the lunar calendar.
            calendar = persianDigits ? DateCalendar.SolarHijri : arabicDigits ? DateCalendar.Hijri : calendar;
        }

        return DateInterpretation.Resolve(parts, calendar);
    }

    private static string StripTime(string text)
    {
        // ISO 8601 date-time ("1990-03-07T10:00:00Z", "1990-03-07 10:00"): the date part alone.
        if (text.Length > 10 && text[4] == '-' && text[7] == '-' && (text[10] is 'T' or 't' or ' ') && !text.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9'))
        {
            return text[..10];
        }

        // A time of day after any other date form ("02/06/2026 21:14", "7.3.1990 08:05:59"), as exports of intercepts write it.
        var space = text.LastIndexOf(' ');
        if (space > 0 && IsTimeOfDay(text.AsSpan(space + 1)))
        {
            return text[..space].TrimEnd();
        }

        return text;
    }

    private static readonly System.Buffers.SearchValues<char> TimeChars = System.Buffers.SearchValues.Create("0123456789:");

    private static bool IsTimeOfDay(ReadOnlySpan<char> s) =>
        s.Length is >= 4 and <= 8 && s.IndexOf(':') is 1 or 2 && !s.ContainsAnyExcept(TimeChars)
        && s.Count(':') <= 2 && s[^1] != ':';

    private static List<DateToken> Tokenise(string text, out string? unknownWord, out DateCalendar? monthCalendar)
    {
        unknownWord = null;
        monthCalendar = null;
        var tokens = new List<DateToken>(4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(DateToken.Number(text[start..i]));
            }
            else if (char.IsLetter(c) && DateWords.HijriMonth(text, i, out var end) is var hijri and > 0)
            {
                // Hijri month names span up to three words ("ربيع الأول", "Dhu al-Hijjah").
                monthCalendar = DateCalendar.Hijri;
                tokens.Add(DateToken.MonthName(hijri));
                i = end;
            }
            else if (char.IsLetter(c) || c == '?')
            {
                var start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '?' || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark || text[i] == '\u0640'))
                {
                    i++;
                }

                var word = DateWords.Fold(text[start..i]);
                if (text.AsSpan(start, i - start).ContainsAny('?', 'x', 'X') && word.All(ch => ch is 'x'))
                {
                    tokens.Add(DateToken.Number("00"));
                }
                else if (DateWords.Month(word) is var month and > 0)
                {
                    tokens.Add(DateToken.MonthName(month));
                }
                else if (DateWords.SolarMonth(word) is var solar and > 0)
                {
                    monthCalendar = DateCalendar.SolarHijri;
                    tokens.Add(DateToken.MonthName(solar));
                }
                else if (!DateWords.IsFiller(word))
                {
                    unknownWord = text[start..i];
                    return tokens;
                }
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }
}

/// <summary>One token of a written date: a run of digits or a month name.</summary>
internal readonly record struct DateToken(string Digits, int Month)
{
    public static DateToken Number(string digits) => new(digits, 0);

    public static DateToken MonthName(int month) => new("", month);

    public bool IsMonthName => Month > 0;

    public int Value => Digits.Length is > 0 and <= 9 ? int.Parse(Digits, NumberStyles.None, CultureInfo.InvariantCulture) : -1;
}
