using System.Collections.Frozen;
using System.Globalization;

namespace Tessera.Core.Normalisation;

/// <summary>The words that may appear in a written date: month names, calendar markers and filler words.</summary>
internal static class DateWords
{
    // Month names and their usual abbreviations in English, French, German, Italian, Spanish and Arabic (Egyptian/Maghreb
    // and Levantine single-word forms), compared after case and diacritic folding (so "März" is "marz", "أغسطس" is "اغسطس").
    private static readonly FrozenDictionary<string, int> Months = Build(new (int Month, string Names)[]
    {
        (1, "january jan janvier janv januar janner gennaio gen enero ene يناير جانفي"),
        (2, "february feb fevrier fevr fev februar febbraio febrero فبراير فيفري شباط"),
        (3, "march mar mars marz mrz marzo مارس اذار"),
        (4, "april apr avril avr aprile abril abr ابريل افريل نيسان"),
        (5, "may mai maggio mag mayo مايو ماي ايار"),
        (6, "june jun juin juni giugno giu junio يونيو جوان حزيران"),
        (7, "july jul juillet juil juli luglio lug julio يوليو جويلية تموز"),
        (8, "august aug aout agosto ago اغسطس اوت اب"),
        (9, "september sep sept septembre settembre set septiembre setiembre سبتمبر ايلول"),
        (10, "october oct octobre oktober okt ottobre ott octubre اكتوبر"),
        (11, "november nov novembre noviembre نوفمبر"),
        (12, "december dec decembre dezember dez dicembre dic diciembre ديسمبر"),
    });

    // Solar Hijri month names: Iranian Persian, Afghan Dari (zodiac names) and their usual Latin spellings. A date that
    // names one of them is read in the Solar Hijri calendar.
    private static readonly FrozenDictionary<string, int> SolarMonths = Build(new (int Month, string Names)[]
    {
        (1, "فروردین farvardin حمل hamal"),
        (2, "اردیبهشت ordibehesht ثور sawr saur"),
        (3, "خرداد khordad جوزا jawza jauza"),
        (4, "تیر tir سرطان saratan"),
        (5, "مرداد امرداد mordad اسد asad"),
        (6, "شهریور shahrivar سنبله sunbula sonbola"),
        (7, "مهر mehr میزان mizan"),
        (8, "آبان aban عقرب aqrab"),
        (9, "آذر azar قوس qaws qaus"),
        (10, "دی dey جدی jadi"),
        (11, "بهمن bahman دلو dalw dalv"),
        (12, "اسفند esfand حوت hut hoot"),
    });

    // Hijri (lunar) month names in Arabic and common Latin transliterations, keyed by their folded words joined together.
    private static readonly FrozenDictionary<string, int> HijriMonths = BuildPhrases(new (int Month, string Names)[]
    {
        (1, "محرم|muharram|moharram"),
        (2, "صفر|safar"),
        (3, "ربيع الأول|ربيع الاول|rabi al-awwal|rabi ul-awwal|rabi al-awal|rabi i"),
        (4, "ربيع الثاني|ربيع الآخر|rabi al-thani|rabi al-akhir|rabi ul-akhir|rabi ii"),
        (5, "جمادى الأولى|جمادى الاولى|jumada al-ula|jumada al-awwal|jumada i"),
        (6, "جمادى الآخرة|جمادى الثانية|jumada al-akhirah|jumada al-thani|jumada ii"),
        (7, "رجب|rajab"),
        (8, "شعبان|shaban|sha'ban"),
        (9, "رمضان|ramadan|ramazan"),
        (10, "شوال|shawwal"),
        (11, "ذو القعدة|dhu al-qadah|dhu al-qa'dah|dhul qadah|dhu al-qidah"),
        (12, "ذو الحجة|dhu al-hijjah|dhul hijjah|dhu al-hijja"),
    });

    // Words that carry no date information: articles, ordinal suffixes, "circa".
    private static readonly FrozenSet<string> Fillers = new[]
    {
        "of", "the", "st", "nd", "rd", "th", "de", "del", "di", "le", "er", "am", "den", "im", "um", "ca", "circa", "c", "about", "born", "on", "el",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The month number of a month name or abbreviation (folded), or 0.</summary>
    public static int Month(string folded) => Months.TryGetValue(folded.TrimEnd('.'), out var m) ? m : 0;

    /// <summary>The month number of a Solar Hijri month name (Persian, Dari or Latin spelling), or 0.</summary>
    public static int SolarMonth(string folded) => SolarMonths.TryGetValue(folded, out var m) ? m : 0;

    public static bool IsFiller(string folded) => Fillers.Contains(folded);

    /// <summary>The Hijri month named by up to three words starting at <paramref name="start"/> (longest first), or 0.</summary>
    public static int HijriMonth(string text, int start, out int end)
    {
        Span<int> ends = stackalloc int[3];
        var count = 0;
        var i = start;
        while (count < 3 && i < text.Length && char.IsLetter(text[i]))
        {
            while (i < text.Length && (char.IsLetter(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark || text[i] == '\u0640'))
            {
                i++;
            }

            ends[count++] = i;
            // Words of one name are joined by a space, hyphen or apostrophe ("Dhu al-Hijjah", "Sha'ban").
            if (i + 1 < text.Length && text[i] is ' ' or '-' or '\'' or '’' && char.IsLetter(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        for (var n = count; n >= 1; n--)
        {
            if (HijriMonths.TryGetValue(Fold(text[start..ends[n - 1]]), out var month))
            {
                end = ends[n - 1];
                return month;
            }
        }

        end = start;
        return 0;
    }

    /// <summary>Lower case without diacritics or punctuation, Arabic and Persian letter variants unified (<see cref="TextKey.Fold"/>).</summary>
    public static string Fold(string word) => TextKey.Fold(word);

    /// <summary>Finds and removes a trailing calendar marker: "AH", "هـ" (Hijri) or "SH", "ش", "هجری شمسی" (Solar Hijri).</summary>
    public static (string Text, DateCalendar Calendar) StripCalendarMarker(string text)
    {
        var trimmed = text.TrimEnd();
        foreach (var (marker, calendar) in Markers)
        {
            // The marker must stand apart from the date's own words ("1410 هـ", "1369/05/12 SH", "1410AH").
            if (trimmed.Length > marker.Length && trimmed.EndsWith(marker, StringComparison.OrdinalIgnoreCase)
                && !char.IsLetter(trimmed[^(marker.Length + 1)]))
            {
                return (trimmed[..^marker.Length], calendar);
            }
        }

        return (text, DateCalendar.Gregorian);
    }

    // Longest first, Solar Hijri before Hijri: "ه.ش" (hijri shamsi) ends like the Hijri marker's letters.
    private static readonly (string Marker, DateCalendar Calendar)[] Markers =
    [
        ("هجری شمسی", DateCalendar.SolarHijri), ("هجري شمسي", DateCalendar.SolarHijri), ("خورشیدی", DateCalendar.SolarHijri),
        ("هـ.ش", DateCalendar.SolarHijri), ("هـ ش", DateCalendar.SolarHijri), ("ه.ش", DateCalendar.SolarHijri), ("ه ش", DateCalendar.SolarHijri),
        ("شمسی", DateCalendar.SolarHijri), ("شمسي", DateCalendar.SolarHijri), ("ش", DateCalendar.SolarHijri),
        ("S.H.", DateCalendar.SolarHijri), ("SH", DateCalendar.SolarHijri), ("HS", DateCalendar.SolarHijri),
        ("هجری قمری", DateCalendar.Hijri), ("هجري", DateCalendar.Hijri), ("هـ", DateCalendar.Hijri), ("ه", DateCalendar.Hijri), ("ق", DateCalendar.Hijri),
        ("A.H.", DateCalendar.Hijri), ("AH", DateCalendar.Hijri), ("H", DateCalendar.Hijri),
    ];

    private static FrozenDictionary<string, int> BuildPhrases((int Month, string Names)[] rows) =>
        rows.SelectMany(r => r.Names.Split('|').Select(n => (Key: Fold(n), r.Month))).DistinctBy(p => p.Key)
            .ToFrozenDictionary(p => p.Key, p => p.Month, StringComparer.Ordinal);

    private static FrozenDictionary<string, int> Build((int Month, string Names)[] rows)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (month, names) in rows)
        {
            foreach (var name in names.Split(' '))
            {
                d[Fold(name)] = month;
            }
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>The calendar a date was written in.</summary>
public enum DateCalendar
{
    Gregorian,

    /// <summary>Islamic lunar calendar (Umm al-Qura tables where they reach, else the tabular Hijri calendar).</summary>
    Hijri,

    /// <summary>Solar Hijri (Iran, Afghanistan): .NET's <see cref="PersianCalendar"/>.</summary>
    SolarHijri,
}
