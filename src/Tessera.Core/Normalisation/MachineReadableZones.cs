using System.Globalization;

namespace Tessera.Core.Normalisation;

/// <summary>The fields of a travel document's machine-readable zone (ICAO Doc 9303) and the outcome of every check digit.</summary>
/// <remarks>Dates are ISO 8601 (<c>1974-08-12</c>), or partial when the MRZ leaves day or month unknown. <see cref="NormalisedValue.Value"/> holds the lines joined by newlines.</remarks>
public sealed record MrzResult(string? Value, bool Valid, string? Reason) : NormalisedValue(Value, Valid, Reason)
{
    /// <summary>TD1 (ID card, 3×30), TD2 (2×36), TD3 (passport, 2×44), MRV-A or MRV-B (visas).</summary>
    public string? Format { get; init; }

    public string? DocumentCode { get; init; }

    public string? IssuingState { get; init; }

    public string? DocumentNumber { get; init; }

    public string? Nationality { get; init; }

    public string? BirthDate { get; init; }

    public string? Sex { get; init; }

    public string? ExpiryDate { get; init; }

    public string? Surname { get; init; }

    public string? GivenNames { get; init; }

    /// <summary>The holder's names as read: given names then surname.</summary>
    public string? Names { get; init; }

    public string? OptionalData { get; init; }

    /// <summary>Every check digit by name (documentNumber, birthDate, expiryDate, optionalData, composite): true when it matches.</summary>
    public IReadOnlyDictionary<string, bool> Checks { get; init; } = new Dictionary<string, bool>();
}

/// <summary>Parses and checks ICAO Doc 9303 machine-readable zones (parts 4–6: TD3, TD2, TD1).</summary>
public static class MrzNormaliser
{
    /// <summary>True when the text looks like an MRZ: two or three lines of 30, 36 or 44 characters of A–Z, 0–9 and '&lt;'.</summary>
    public static bool LooksLikeMrz(string? raw) => SplitLines(raw) is not null;

    /// <summary>Parses an MRZ given as its lines (separated by line breaks) or as one run of 90, 72 or 88 characters.</summary>
    public static MrzResult Normalise(string? raw, NormalisationContext? context = null)
    {
        var lines = SplitLines(raw);
        if (lines is null)
        {
            return new MrzResult(null, false, "not a machine-readable zone (2×44, 2×36 or 3×30 characters of A-Z, 0-9, <)");
        }

        var today = (context ?? NormalisationContext.None).Today;
        var reader = new MrzReader(lines, today);
        if (lines.Length == 3)
        {
            return reader.ReadTd1();
        }

        // Machine-readable visas (ICAO 9303 part 7) start with 'V' and carry no composite check digit.
        return lines[0][0] == 'V' ? reader.ReadVisa() : lines[0].Length == 44 ? reader.ReadTd3() : reader.ReadTd2();
    }

    /// <summary>ICAO 9303 part 3 §4.9 check digit: weights 7, 3, 1 repeating; '&lt;' = 0, digits as such, A–Z = 10–35; sum mod 10.</summary>
    public static int CheckDigit(ReadOnlySpan<char> field)
    {
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            var v = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 0,
            };
            sum += v * weights[i % 3];
        }

        return sum % 10;
    }

    private static string[]? SplitLines(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 400)
        {
            return null;
        }

        var text = raw.ToUpperInvariant().Replace('«', '<').Replace('‹', '<');
        var lines = text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Replace(" ", "", StringComparison.Ordinal)).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 1)
        {
            var one = lines[0];
            lines = one.Length switch
            {
                88 => [one[..44], one[44..]],
                72 => [one[..36], one[36..]],
                90 => [one[..30], one[30..60], one[60..]],
                _ => lines,
            };
        }

        var ok = (lines.Length == 2 && lines.All(l => l.Length == 44)) || (lines.Length == 2 && lines.All(l => l.Length == 36))
            || (lines.Length == 3 && lines.All(l => l.Length == 30));
        return ok && lines.All(l => l.All(c => c == '<' || char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))) ? lines : null;
    }

    private sealed class MrzReader(string[] lines, DateOnly today)
    {
        private readonly Dictionary<string, bool> _checks = new(StringComparer.Ordinal);
        private readonly List<string> _problems = [];

        public MrzResult ReadTd3()
        {
            // ICAO 9303 part 4 §4.2.2: line 2 = number(9) check nationality(3) birth(6) check sex expiry(6) check personal(14) check composite.
            var (l1, l2) = (lines[0], lines[1]);
            Check("documentNumber", l2[..9], l2[9]);
            Check("birthDate", l2[13..19], l2[19]);
            Check("expiryDate", l2[21..27], l2[27]);
            CheckOptional("optionalData", l2[28..42], l2[42]);
            Check("composite", string.Concat(l2[..10], l2[13..20], l2[21..43]), l2[43]);
            return Build("TD3", l1[..2], l1[2..5], l2[..9], l2[10..13], l2[13..19], l2[20], l2[21..27], l1[5..], l2[28..42]);
        }

        public MrzResult ReadVisa()
        {
            // ICAO 9303 part 7 §4.2.2: MRV-A (2×44) and MRV-B (2×36) line 2 as TD3/TD2 up to the expiry check digit,
            // then optional data to the end of the line, without check digits of its own.
            var (l1, l2) = (lines[0], lines[1]);
            Check("documentNumber", l2[..9], l2[9]);
            Check("birthDate", l2[13..19], l2[19]);
            Check("expiryDate", l2[21..27], l2[27]);
            return Build(l1.Length == 44 ? "MRV-A" : "MRV-B", l1[..2], l1[2..5], l2[..9], l2[10..13], l2[13..19], l2[20], l2[21..27], l1[5..], l2[28..]);
        }

        public MrzResult ReadTd2()
        {
            // ICAO 9303 part 6 §4.2.2: as TD3 with 7 characters of optional data and no check digit of its own.
            var (l1, l2) = (lines[0], lines[1]);
            var number = LongNumber(l2[..9], l2[9], l2[28..35], out var optional);
            Check("birthDate", l2[13..19], l2[19]);
            Check("expiryDate", l2[21..27], l2[27]);
            Check("composite", string.Concat(l2[..10], l2[13..20], l2[21..35]), l2[35]);
            return Build("TD2", l1[..2], l1[2..5], number, l2[10..13], l2[13..19], l2[20], l2[21..27], l1[5..], optional);
        }

        public MrzResult ReadTd1()
        {
            // ICAO 9303 part 5 §4.2.2: line 1 code state number(9) check optional(15); line 2 birth check sex expiry check
            // nationality optional(11) composite; line 3 names. The composite covers line 1 from the number on and line 2's data.
            var (l1, l2, l3) = (lines[0], lines[1], lines[2]);
            var number = LongNumber(l1[5..14], l1[14], l1[15..30], out var optional1);
            Check("birthDate", l2[..6], l2[6]);
            Check("expiryDate", l2[8..14], l2[14]);
            Check("composite", string.Concat(l1[5..30], l2[..7], l2[8..15], l2[18..29]), l2[29]);
            var optional = string.Join(' ', new[] { optional1, Trim(l2[18..29]) }.Where(s => s.Length > 0));
            return Build("TD1", l1[..2], l1[2..5], number, l2[15..18], l2[..6], l2[7], l2[8..14], l3, optional);
        }

        // ICAO 9303 part 5 §4.2.4 note j: a document number longer than 9 characters puts '<' in the check digit
        // position and continues in the optional data, ending with its check digit and a filler.
        private string LongNumber(string first9, char check, string optional, out string rest)
        {
            if (check == '<' && optional.Length > 0 && optional[0] != '<')
            {
                var end = optional.IndexOf('<', StringComparison.Ordinal);
                var tail = end < 0 ? optional : optional[..end];
                if (tail.Length >= 2)
                {
                    var number = first9 + tail[..^1];
                    Check("documentNumber", number, tail[^1]);
                    rest = end < 0 ? "" : Trim(optional[end..]);
                    return number;
                }
            }

            Check("documentNumber", first9, check);
            rest = Trim(optional);
            return first9;
        }

        private MrzResult Build(string format, string code, string state, string number, string nationality, string birth,
            char sex, string expiry, string names, string optional)
        {
            var (surname, given) = SplitNames(names);
            var birthDate = Date(birth, isExpiry: false);
            var expiryDate = Date(expiry, isExpiry: true);
            var valid = _problems.Count == 0;
            return new MrzResult(string.Join('\n', lines), valid, valid ? null : string.Join("; ", _problems))
            {
                Format = format,
                DocumentCode = Trim(code),
                IssuingState = Trim(state),
                DocumentNumber = Trim(number),
                Nationality = Trim(nationality),
                BirthDate = birthDate,
                Sex = sex switch { 'M' => "M", 'F' => "F", _ => "X" },
                ExpiryDate = expiryDate,
                Surname = surname,
                GivenNames = given,
                Names = string.Join(' ', new[] { given, surname }.Where(s => !string.IsNullOrEmpty(s))),
                OptionalData = Trim(optional),
                Checks = _checks,
            };
        }

        private void Check(string name, string field, char digit)
        {
            var expected = CheckDigit(Ocr(field, name is "birthDate" or "expiryDate"));
            var found = OcrDigit(digit);
            var ok = found == expected || (digit == '<' && expected == 0);
            _checks[name] = ok;
            if (!ok)
            {
                _problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} check digit is {digit}, expected {expected}"));
            }
        }

        // A field left entirely blank may carry '<' or '0' as its check digit (ICAO 9303 part 4 §4.2.2 note).
        private void CheckOptional(string name, string field, char digit)
        {
            if (field.All(c => c == '<') && digit is '<' or '0')
            {
                _checks[name] = true;
                return;
            }

            Check(name, field, digit);
        }

        private string? Date(string yymmdd, bool isExpiry)
        {
            var digits = Ocr(yymmdd, numeric: true);
            if (!int.TryParse(digits.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy))
            {
                _problems.Add(isExpiry ? "expiry date has no year" : "birth date has no year");
                return null;
            }

            // Two-digit years: a birth year after this year's is of the last century; expiry dates lie within 50 years ahead.
            var thisYear = today.Year % 100;
            var century = isExpiry
                ? (yy > thisYear + 50 ? today.Year - thisYear - 100 : today.Year - thisYear)
                : (yy > thisYear ? today.Year - thisYear - 100 : today.Year - thisYear);
            var year = century + yy;
            var monthKnown = int.TryParse(digits.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month);
            var dayKnown = int.TryParse(digits.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day);
            var y = year.ToString("D4", CultureInfo.InvariantCulture);
            if (!monthKnown || month == 0)
            {
                return y;
            }

            if (month > 12)
            {
                _problems.Add(isExpiry ? "expiry month out of range" : "birth month out of range");
                return null;
            }

            var m = string.Create(CultureInfo.InvariantCulture, $"{y}-{month:D2}");
            if (!dayKnown || day == 0)
            {
                return m;
            }

            if (day > DateTime.DaysInMonth(year, month))
            {
                _problems.Add(isExpiry ? "expiry day out of range" : "birth day out of range");
                return null;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{m}-{day:D2}");
        }

        private static (string? Surname, string? Given) SplitNames(string names)
        {
            // ICAO 9303 part 3 §4.6: primary identifier, "<<", secondary identifier; '<' separates name components.
            var at = names.IndexOf("<<", StringComparison.Ordinal);
            var surname = at < 0 ? names : names[..at];
            var given = at < 0 ? "" : names[(at + 2)..];
            return (NullIfEmpty(Trim(surname)), NullIfEmpty(Trim(given)));
        }

        private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

        private static string Trim(string field)
        {
            var parts = field.Split('<', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(' ', parts);
        }

        // OCR confusions are corrected only where the field is numeric (ICAO 9303 part 3 §4.9 fields of digits).
        private static string Ocr(string field, bool numeric) =>
            numeric ? new string(field.Select(c => c switch { 'O' or 'Q' or 'D' => '0', 'I' or 'L' => '1', 'Z' => '2', 'S' => '5', 'B' => '8', _ => c }).ToArray()) : field;

        private static int OcrDigit(char c) => Ocr(c.ToString(), numeric: true)[0] is var d && char.IsAsciiDigit(d) ? d - '0' : -1;
    }
}
