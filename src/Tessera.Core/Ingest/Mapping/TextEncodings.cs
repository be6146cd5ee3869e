using System.Text;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest.Mapping;

/// <summary>Finds the text encoding of an export: a byte-order mark, valid UTF-8, or the legacy code page whose script fits.</summary>
/// <remarks>National systems export Arabic in Windows-1256 and Cyrillic in Windows-1251; both put letters in the high half
/// of the byte range, so the choice goes to the code page whose most frequent letters cover more of the high bytes.</remarks>
internal static class TextEncodings
{
    // The most frequent letters of Arabic text in Windows-1256 (ا ل ي م و ن ه ر ب ت د ع) and of Russian/Ukrainian in Windows-1251 (о е а и н т с р в л к п).
    private static readonly byte[] ArabicFrequent = [0xC7, 0xE1, 0xED, 0xE3, 0xE6, 0xE4, 0xE5, 0xD1, 0xC8, 0xCA, 0xCF, 0xDA];
    private static readonly byte[] CyrillicFrequent = [0xEE, 0xE5, 0xE0, 0xE8, 0xED, 0xF2, 0xF1, 0xF0, 0xE2, 0xEB, 0xEA, 0xEF];

    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record Detected(Encoding Encoding, string Name, int PreambleLength);

    public static Detected Detect(byte[] bytes, string? declared, string file)
    {
        if (declared is { Length: > 0 })
        {
            try
            {
                var e = Encoding.GetEncoding(declared);
                e = e.CodePage == 65001 ? Utf8Strict : e;
                return new Detected(e, e.WebName, Preamble(bytes, e));
            }
            catch (ArgumentException)
            {
                throw new ModelException($"unknown encoding '{declared}'", file, field: "encoding");
            }
        }

        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return new Detected(Utf8Strict, "utf-8", 3);
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return new Detected(Encoding.Unicode, "utf-16", 2);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return new Detected(Encoding.BigEndianUnicode, "utf-16BE", 2);
        }

        if (LooksLikeUtf16(bytes, out var utf16))
        {
            return new Detected(utf16, utf16.WebName, 0);
        }

        var (valid, invalid) = Utf8Sequences(bytes);
        if (invalid == 0 || valid >= invalid)
        {
            // Valid UTF-8, or UTF-8 with some broken bytes (more well-formed multi-byte sequences than broken ones):
            // the strict decoder then names the line of the first broken byte instead of guessing a code page.
            return new Detected(Utf8Strict, "utf-8", 0);
        }

        {
            var arabic = bytes.Count(b => Array.IndexOf(ArabicFrequent, b) >= 0);
            var cyrillic = bytes.Count(b => Array.IndexOf(CyrillicFrequent, b) >= 0);
            var code = arabic > cyrillic ? 1256 : 1251;
            return new Detected(Encoding.GetEncoding(code), "windows-" + code.ToString(System.Globalization.CultureInfo.InvariantCulture), 0);
        }
    }

    /// <summary>UTF-8 that throws on invalid bytes instead of replacing them.</summary>
    public static readonly UTF8Encoding Utf8Strict = new(false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 strictly from <paramref name="start"/>.</summary>
    /// <exception cref="ModelException">A byte sequence is not UTF-8; the message names the line and the byte.</exception>
    public static string DecodeUtf8(byte[] bytes, int start, string file) => Decode(bytes, start, Utf8Strict, file);

    /// <summary>Decodes with <paramref name="encoding"/>; a strict UTF-8 decoder reports the line of the first invalid byte.</summary>
    /// <exception cref="ModelException">The bytes are not valid in the encoding.</exception>
    public static string Decode(byte[] bytes, int start, Encoding encoding, string file)
    {
        try
        {
            return encoding.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            var at = FirstInvalidUtf8(bytes.AsSpan(start)) + start;
            var line = bytes.AsSpan(start, at - start).Count((byte)'\n') + 1;
            throw new ModelException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"not valid UTF-8: byte 0x{bytes[at]:X2} at offset {at}; save the file as UTF-8 or declare its encoding"),
                file, line, "encoding");
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return 0;
    }

    // Well-formed multi-byte sequences and invalid ones: legacy code pages give many invalid and almost no well-formed ones.
    private static (int Valid, int Invalid) Utf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i] < 0x80)
            {
                i++;
                continue;
            }

            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
            }

            i += Math.Max(consumed, 1);
        }

        return (valid, invalid);
    }

    private static int Preamble(byte[] bytes, Encoding e)
    {
        var preamble = e.GetPreamble();
        return preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
    }

    // UTF-16 without a byte-order mark: ASCII text has a zero in every other byte.
    private static bool LooksLikeUtf16(byte[] bytes, out Encoding encoding)
    {
        var n = Math.Min(bytes.Length, 4000) & ~1;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }

        encoding = oddZeros > evenZeros ? Encoding.Unicode : Encoding.BigEndianUnicode;
        return n >= 4 && Math.Max(evenZeros, oddZeros) > n / 2 * 0.4 && Math.Min(evenZeros, oddZeros) < n / 2 * 0.05;
    }
}
