using System.Text;

namespace Tessera.Core.Normalisation;

/// <summary>A travel or identity document number: upper-case letters and digits, and a key with look-alike characters folded.</summary>
/// <param name="Key">The number with O→0, I→1, S→5, B→8 folded, so that OCR and typing confusions meet in one blocking key.</param>
/// <param name="Mrz">The parsed machine-readable zone when the input was one.</param>
public sealed record DocumentNumberResult(string? Value, bool Valid, string? Reason, string? Key = null, MrzResult? Mrz = null)
    : NormalisedValue(Value, Valid, Reason);

/// <summary>Normalises passport and identity document numbers, reading an MRZ when one is given.</summary>
public static class DocumentNumberNormaliser
{
    private const int MaxLength = 24;

    /// <summary>Upper-cases, drops separators and keeps letters and digits; an MRZ yields its checked document number.</summary>
    public static DocumentNumberResult Normalise(string? raw, NormalisationContext? context = null)
    {
        if (MrzNormaliser.LooksLikeMrz(raw))
        {
            var mrz = MrzNormaliser.Normalise(raw, context);
            return new DocumentNumberResult(mrz.DocumentNumber, mrz.Valid, mrz.Reason, ConfusableKey(mrz.DocumentNumber ?? ""), mrz);
        }

        var text = Digits.ToAscii(UnicodeText.Normalize(raw ?? "", NormalizationForm.FormKC));
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (!IsSeparator(c))
            {
                var cleaned = sb.ToString();
                return new DocumentNumberResult(cleaned.Length == 0 ? null : cleaned, false, $"unexpected character '{c}'", ConfusableKey(cleaned));
            }
        }

        var value = sb.ToString();
        if (value.Length == 0)
        {
            return new DocumentNumberResult(null, false, "empty");
        }

        // ICAO 9303 allows up to 9 characters in the MRZ field plus an extension; national ID numbers run a little longer.
        if (value.Length is < 3 or > MaxLength)
        {
            return new DocumentNumberResult(value, false, value.Length < 3 ? "too short for a document number" : "too long for a document number", ConfusableKey(value));
        }

        if (!value.Any(char.IsDigit))
        {
            return new DocumentNumberResult(value, false, "a document number has at least one digit", ConfusableKey(value));
        }

        return new DocumentNumberResult(value, true, null, ConfusableKey(value));
    }

    /// <summary>Folds characters that OCR and people confuse (O/0, I/1, S/5, B/8) onto the digit.</summary>
    public static string ConfusableKey(string value) => string.Create(value.Length, value, static (span, v) =>
    {
        for (var i = 0; i < v.Length; i++)
        {
            span[i] = v[i] switch
            {
                'O' => '0',
                'I' => '1',
                'S' => '5',
                'B' => '8',
                var c => c,
            };
        }
    });

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '_' or '<' or '\u00A0' or '\t' || char.IsWhiteSpace(c);
}
