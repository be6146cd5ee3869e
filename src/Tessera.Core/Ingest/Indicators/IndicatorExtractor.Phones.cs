using System.Collections.Frozen;
using System.Text.RegularExpressions;
using PhoneNumbers;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Ingest.Indicators;

public static partial class IndicatorExtractor
{
    // Digits a number may hold: an E.164 number has at most 15, written with "00" and a trunk "(0)" at most 18.
    private const int MaxPhoneDigits = 18;

    // Words after which a number is a document, vessel, account or vehicle number, not a phone.
    private static readonly FrozenSet<string> NotPhoneWords = new[]
    {
        "passport", "pasaport", "passeport", "pass", "id", "tc", "kimlik", "cin", "imo", "mmsi", "plate", "plaka", "iban",
        "ref", "réf", "ref.", "réf.", "reference", "référence", "invoice", "facture", "order", "commande", "receipt", "dekont", "fatura",
        "جواز", "الجواز", "هوية", "الهوية", "پاسپورت", "پاسپورټ", "تذکره", "شناسنامه", "لوحة",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> GluedPhoneWords = new[] { "TEL", "TLF", "GSM", "MOB", "WA", "TL" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Phone numbers written the ways people write them in posts and messages.</summary>
    /// <remarks>
    /// A run of digits with separators (spaces, dots, dashes, slashes, brackets, direction marks) is cut into the longest
    /// valid numbers from left to right, so two numbers written side by side come out apart. A number is valid when
    /// libphonenumber gives it a type in its country's numbering plan. International forms ("+", and "00", the ITU-T
    /// E.164 international prefix of Europe, Africa and Asia) need no region; national forms need the context's region
    /// and, where the region has one, its trunk prefix, so that bare digit strings of documents and amounts are not read
    /// as phones. Arabic-Indic and Persian digits are read as their ASCII digits. A number may be glued to a word or an
    /// emoji ("WhatsApp0090…", "📞+90…", "واتساب٠٠٢١٨…"), but not to a short run of capitals (a document number).
    /// </remarks>
    private static IEnumerable<Indicator> PhoneNumbers(string text, string? region)
    {
        var folded = Digits.ToAscii(text);
        var defaultRegion = region is { Length: 2 } ? region.ToUpperInvariant() : "ZZ";
        var trunk = defaultRegion == "ZZ" ? null : Phones.GetNddPrefixForRegion(defaultRegion, true);
        foreach (Match run in PhoneRun().Matches(folded))
        {
            var groups = Groups(folded, run.Index, run.Length);
            for (var i = 0; i < groups.Count;)
            {
                var found = LongestNumber(text, folded, groups, i, defaultRegion, trunk);
                if (found is { } f)
                {
                    yield return f.Indicator;
                    i = f.Next;
                }
                else
                {
                    i++;
                }
            }
        }
    }

    private readonly record struct DigitGroup(int Start, int DigitStart, int End, bool Plus);

    // The digit groups of a run; a '+' counts only before the first digit of a group.
    private static List<DigitGroup> Groups(string folded, int start, int length)
    {
        var groups = new List<DigitGroup>();
        var i = start;
        var end = start + length;
        while (i < end)
        {
            var plus = folded[i] == '+';
            var s = i;
            while (s < end && !char.IsAsciiDigit(folded[s]))
            {
                s++;
            }

            var e = s;
            while (e < end && char.IsAsciiDigit(folded[e]))
            {
                e++;
            }

            if (e > s)
            {
                groups.Add(new DigitGroup(plus ? i : s, s, e, plus));
                i = e;
            }
            else
            {
                i = Math.Max(e, i + 1);
            }
        }

        return groups;
    }

    private static (Indicator Indicator, int Next)? LongestNumber(string text, string folded, List<DigitGroup> groups, int first, string region, string? trunk)
    {
        // Only a group that starts with '+', "00" or the region's trunk prefix (any digit where the region has none) starts a number.
        var head = groups[first];
        var startsNumber = head.Plus || string.CompareOrdinal(folded, head.DigitStart, "00", 0, 2) == 0
            || (region != "ZZ" && (trunk is not { Length: > 0 } || string.CompareOrdinal(folded, head.DigitStart, trunk, 0, trunk.Length) == 0));
        if (!startsNumber)
        {
            return null;
        }

        var digits = new System.Text.StringBuilder();
        var ends = new List<(int Group, string Digits)>();
        for (var j = first; j < groups.Count; j++)
        {
            var g = groups[j];
            if (j > first && g.Plus)
            {
                break;
            }

            digits.Append(folded, g.DigitStart, g.End - g.DigitStart);
            if (digits.Length > MaxPhoneDigits)
            {
                break;
            }

            ends.Add((j, digits.ToString()));
        }

        var plus = groups[first].Plus;
        for (var k = ends.Count - 1; k >= 0; k--)
        {
            var (last, candidate) = ends[k];
            var start = groups[first].Start;
            var end = groups[last].End;
            if (Number(candidate, plus, region, trunk) is not { } number || !PlausibleAt(text, folded, start, end, plus || candidate.StartsWith("00", StringComparison.Ordinal)))
            {
                continue;
            }

            var e164 = Phones.Format(number, PhoneNumberFormat.E164);
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = Phones.GetRegionCodeForNumber(number) ?? "ZZ" };
            return (new Indicator("phone", start, end - start, text[start..end], e164, true, attributes), last + 1);
        }

        return null;
    }

    // The number the digits stand for, when it is valid: "+…" and "00…" internationally, anything else in the region.
    private static PhoneNumber? Number(string digits, bool plus, string region, string? trunk)
    {
        string input;
        var parseRegion = "ZZ";
        if (plus)
        {
            input = "+" + digits;
        }
        else if (digits.Length > 3 && digits.StartsWith("00", StringComparison.Ordinal) && digits[2] != '0')
        {
            input = "+" + digits[2..];
        }
        else if (region == "ZZ" || digits.Length < 6 || (trunk is { Length: > 0 } && !digits.StartsWith(trunk, StringComparison.Ordinal)))
        {
            return null;
        }
        else
        {
            // A region without a trunk prefix (Italy, Spain, Greece, Tunisia …) still needs a number of full length.
            if (trunk is not { Length: > 0 } && digits.Length < 8)
            {
                return null;
            }

            input = digits;
            parseRegion = region;
        }

        if (input.Length > 20)
        {
            return null;
        }

        try
        {
            var number = Phones.Parse(input, parseRegion);
            return Phones.IsValidNumber(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    // What stands around the digits decides whether they are a phone: not a date, not glued to a document's letters, not after
    // a document word, not next to a currency.
    private static bool PlausibleAt(string text, string folded, int start, int end, bool international)
    {
        if (international && folded[start] == '+')
        {
            return true;
        }

        var before = start > 0 ? text[start - 1] : ' ';
        if (char.IsLetter(before) && before < '\u0590')
        {
            var letters = start;
            while (letters > 0 && char.IsLetter(text[letters - 1]))
            {
                letters--;
            }

            // "tel0532…", "au0033…", "WhatsApp0090…" are words glued to a number; "U12345678", "AB1234567", "ID…" are identifiers.
            var glued = text[letters..start];
            if (glued.Length <= 3 && glued.All(char.IsUpper) && !GluedPhoneWords.Contains(glued))
            {
                return false;
            }
        }

        if (international)
        {
            return true;
        }

        var span = folded[start..end];
        if (DateLike().IsMatch(span))
        {
            return false;
        }

        var word = PrecedingWord(text, start);
        if (NotPhoneWords.Contains(word))
        {
            return false;
        }

        var after = text.AsSpan(end).TrimStart(' ');
        return after.Length == 0 || !(after[0] is '€' or '$' or '£' || CurrencyAfter().IsMatch(text[(text.Length - after.Length)..]));
    }

    private static string PrecedingWord(string text, int start)
    {
        var i = start;
        while (i > 0 && (text[i - 1] is ' ' or ':' or '#' or '(' or '-' || char.IsDigit(text[i - 1])) && start - i < 4)
        {
            i--;
        }

        var end = i;
        while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '.'))
        {
            i--;
        }

        return text[i..end];
    }

    // A run starts at '+' or a digit and goes on over digits and at most three separators at a time: spaces, dots,
    // dashes, slashes, brackets and the direction marks of right-to-left text.
    [GeneratedRegex(@"(?:\+[\s\u200E\u200F\u202A-\u202E\u2066-\u2069]?)?\(?[0-9](?:[\s.\-/()\u200E\u200F\u202A-\u202E\u2066-\u2069]{0,3}[0-9])*\)?", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneRun();

    // Dates in digits (d.m.y, y-m-d, d/m, "25 12 2026") and year ranges ("2025-2026"), which a region without a trunk prefix
    // (Tunisia: eight digits) would otherwise read as numbers.
    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}|(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:19|20)\d{2}|(?:19|20)\d{2} ?[-/–] ?(?:19|20)\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^(?:eur|euros?|usd|dollars?|dolar|dinars?|dirhams?|pounds?|lyd|tnd|dzd|mad|try|tl|lira|يورو|دولار|دينار|درهم|یورو|دالر|ډالر)(?!\p{L})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyAfter();
}
