using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Ingest.Indicators;

/// <summary>A place on the smuggling routes: its name, country, position, route and role.</summary>
public sealed record Place(string Name, string Country, double Latitude, double Longitude, string Route, string Role);

/// <summary>Finds places of the shipped gazetteer (<c>gazetteer.tsv</c>) in text, in Latin, Greek, Cyrillic or Arabic script.</summary>
/// <remarks>Matches whole words (up to four), folded by <see cref="TextKey"/>; an Arabic word may carry a one-letter proclitic (ب ل و ف).</remarks>
public sealed class Gazetteer
{
    private const int MaxWords = 4;
    private static readonly Lazy<Gazetteer> Shipped = new(() => Load(OpenEmbedded()));
    private readonly FrozenDictionary<string, Place> _byKey;

    private Gazetteer(FrozenDictionary<string, Place> byKey, IReadOnlyList<Place> places)
    {
        _byKey = byKey;
        Places = places;
    }

    /// <summary>The gazetteer shipped with Tessera.</summary>
    public static Gazetteer Default => Shipped.Value;

    public IReadOnlyList<Place> Places { get; }

    /// <summary>Every mention of a known place in <paramref name="text"/>, longest match first, not overlapping.</summary>
    public IEnumerable<Indicator> Find(string text)
    {
        var words = Words(text);
        for (var i = 0; i < words.Count;)
        {
            var matched = 0;
            for (var n = Math.Min(MaxWords, words.Count - i); n >= 1 && matched == 0; n--)
            {
                var (start, end) = (words[i].Start, words[i + n - 1].End);
                var key = TextKey.Fold(text[start..end]);
                if (Lookup(key, n == 1) is { } place)
                {
                    matched = n;
                    yield return new Indicator("place", start, end - start, text[start..end], place.Name, true, Attributes(place));
                }
            }

            i += Math.Max(matched, 1);
        }
    }

    private Place? Lookup(string key, bool single)
    {
        if (key.Length < 3)
        {
            return null;
        }

        if (_byKey.TryGetValue(key, out var place))
        {
            return place;
        }

        // Arabic proclitics written together with the name: "بزوارة" (in Zuwara), "لطرابلس", "وصفاقس".
        return single && key[0] is 'ب' or 'ل' or 'و' or 'ف' && key.Length > 4 && _byKey.TryGetValue(key[1..], out place) ? place : null;
    }

    private static Dictionary<string, string> Attributes(Place p) => new(StringComparer.Ordinal)
    {
        ["country"] = p.Country,
        ["route"] = p.Route,
        ["role"] = p.Role,
        ["lat"] = p.Latitude.ToString("0.###", CultureInfo.InvariantCulture),
        ["lon"] = p.Longitude.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            // An apostrophe ends a word: Turkish writes case endings after one ("Izmir'den"), and a name with an apostrophe
            // ("M'bour") is still found as two words.
            while (i < text.Length && (IsWordChar(text[i]) || (text[i] == '-' && i + 1 < text.Length && IsWordChar(text[i + 1]))))
            {
                i++;
            }

            if (i > start)
            {
                words.Add((start, i));
            }
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c == '\u0640';

    /// <summary>Reads a gazetteer: name, country, lat, lon, route, role, |-separated variants; '#' starts a comment line.</summary>
    public static Gazetteer Load(Stream tsv)
    {
        using var reader = new StreamReader(tsv, Encoding.UTF8);
        var byKey = new Dictionary<string, Place>(StringComparer.Ordinal);
        var places = new List<Place>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            var place = new Place(f[0], f[1], double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture), f[4], f[5]);
            places.Add(place);
            var names = f.Length > 6 ? f[6].Split('|', StringSplitOptions.RemoveEmptyEntries).Prepend(f[0]) : [f[0]];
            foreach (var name in names)
            {
                byKey.TryAdd(TextKey.Fold(name), place);
            }
        }

        return new Gazetteer(byKey.ToFrozenDictionary(StringComparer.Ordinal), places);
    }

    private static Stream OpenEmbedded() =>
        typeof(Gazetteer).Assembly.GetManifestResourceStream("Tessera.Core.Ingest.Indicators.gazetteer.tsv")
        ?? throw new InvalidOperationException("gazetteer.tsv is not embedded");
}
