using System.Collections.Frozen;
using System.Text;

namespace Tessera.Core.Normalisation;

/// <summary>A country as ISO 3166-1 alpha-2, with alpha-3 and English name; several when the value named several.</summary>
public sealed record CountryResult(string? Value, bool Valid, string? Reason, string? Alpha3 = null, string? Name = null,
    IReadOnlyList<string>? Codes = null) : NormalisedValue(Value, Valid, Reason);

/// <summary>Maps country codes, names and nationality words (demonyms) in several languages to ISO 3166-1 alpha-2.</summary>
/// <remarks>
/// The table is the data file <c>Normalisation/Data/countries.tsv</c> (names from Debian iso-codes with French, German,
/// Italian, Spanish and Arabic translations, plus demonyms). Lookup folds case, diacritics, Arabic hamza/ta marbuta/article
/// and punctuation. A folded name that two countries share is dropped rather than guessed.
/// </remarks>
public static class CountryNormaliser
{
    private static readonly Lazy<CountryTable> Table = new(CountryTable.Load);

    /// <summary>True for an assigned ISO 3166-1 alpha-2 code (or XK, Kosovo).</summary>
    public static bool IsAlpha2(string code) => Table.Value.ByAlpha2.ContainsKey(code);

    /// <summary>Normalises one country or nationality; "Syrian / Iraqi" gives both codes, the first as value.</summary>
    public static CountryResult Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new CountryResult(null, false, "empty");
        }

        if (raw.Length > 200)
        {
            return new CountryResult(null, false, "too long for a country");
        }

        var table = Table.Value;
        if (table.Lookup(raw) is { } one)
        {
            return Found([one]);
        }

        var codes = new List<string>();
        foreach (var part in raw.Split(['/', ',', ';', '|', '+', '&', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (table.Lookup(part) is not { } code)
            {
                return new CountryResult(null, false, $"unknown country '{part}'");
            }

            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        return codes.Count == 0 ? new CountryResult(null, false, $"unknown country '{raw.Trim()}'") : Found(codes);
    }

    private static CountryResult Found(List<string> codes)
    {
        var (alpha3, name) = Table.Value.ByAlpha2[codes[0]];
        return new CountryResult(codes[0], true, null, alpha3, name, codes);
    }

    /// <summary>The key two spellings of a country name share: <see cref="TextKey.Fold"/> without the Arabic article.</summary>
    internal static string Fold(string text)
    {
        var key = TextKey.Fold(text);
        // The Arabic article: "السوري" and "سوري" are the same nationality.
        return key.StartsWith("ال", StringComparison.Ordinal) && key.Length > 4 ? key[2..] : key;
    }

    private sealed class CountryTable
    {
        public required FrozenDictionary<string, (string Alpha3, string Name)> ByAlpha2 { get; init; }

        public required FrozenDictionary<string, string> ByAlpha3 { get; init; }

        public required FrozenDictionary<string, string> ByName { get; init; }

        public string? Lookup(string raw)
        {
            var trimmed = raw.Trim().Trim('.', '(', ')', '"', '\'');
            if (trimmed.Length is 1 or 2 or 3 && trimmed.All(char.IsAsciiLetter))
            {
                var upper = trimmed.ToUpperInvariant();
                if (Aliases.TryGetValue(upper, out var alias))
                {
                    return alias;
                }

                if (upper.Length == 2 && ByAlpha2.ContainsKey(upper))
                {
                    return upper;
                }

                if (upper.Length == 3 && ByAlpha3.TryGetValue(upper, out var a2))
                {
                    return a2;
                }
            }

            return ByName.TryGetValue(Fold(trimmed), out var code) ? code : null;
        }

        // Codes in use besides ISO 3166-1: the EU's EL and UK, and ICAO 9303's "D" for Germany and "GBD"… British variants.
        private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["EL"] = "GR", ["UK"] = "GB", ["D"] = "DE", ["GBD"] = "GB", ["GBN"] = "GB", ["GBO"] = "GB", ["GBP"] = "GB", ["GBS"] = "GB",
            ["RKS"] = "XK", ["UNK"] = "XK",
        }.ToFrozenDictionary(StringComparer.Ordinal);

        public static CountryTable Load()
        {
            using var stream = typeof(CountryNormaliser).Assembly.GetManifestResourceStream("Tessera.Core.Normalisation.Data.countries.tsv")
                ?? throw new InvalidOperationException("countries.tsv is not embedded");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var byAlpha2 = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            var byAlpha3 = new Dictionary<string, string>(StringComparer.Ordinal);
            var byName = new Dictionary<string, string>(StringComparer.Ordinal);
            var ambiguous = new HashSet<string>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var f = line.Split('\t');
                var (alpha2, alpha3, lang, name) = (f[0], f[1], f[2], f[3]);
                byAlpha2.TryAdd(alpha2, (alpha3, lang == "en" ? name : alpha2));
                byAlpha3.TryAdd(alpha3, alpha2);
                var key = Fold(name);
                if (key.Length == 0 || ambiguous.Contains(key))
                {
                    continue;
                }

                if (byName.TryGetValue(key, out var other) && other != alpha2)
                {
                    byName.Remove(key);
                    ambiguous.Add(key);
                    continue;
                }

                byName[key] = alpha2;
            }

            return new CountryTable
            {
                ByAlpha2 = byAlpha2.ToFrozenDictionary(StringComparer.Ordinal),
                ByAlpha3 = byAlpha3.ToFrozenDictionary(StringComparer.Ordinal),
                ByName = byName.ToFrozenDictionary(StringComparer.Ordinal),
            };
        }
    }
}
