namespace Tessera.Core.Matching;

/// <summary>Jaro-Winkler similarity (Winkler 1990, prefix scale 0.1, at most 4 prefix characters); allocation-free.</summary>
internal static class JaroWinkler
{
    /// <summary>
    /// Jaro-Winkler, or an upper bound below <paramref name="floor"/> when the character sets alone rule the floor out:
    /// every distinct character of one string missing from the other removes at least one possible match.
    /// </summary>
    public static double AtLeast(string a, ulong maskA, string b, ulong maskB, double floor)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var onlyA = System.Numerics.BitOperations.PopCount(maskA & ~maskB);
        var onlyB = System.Numerics.BitOperations.PopCount(maskB & ~maskA);
        var m = Math.Min(a.Length - onlyA, b.Length - onlyB);
        if (m <= 0)
        {
            return 0;
        }

        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var jaroMax = (((double)m / a.Length) + ((double)m / b.Length) + 1) / 3;
        var bound = jaroMax + (prefix * 0.1 * (1 - jaroMax));
        return bound < floor ? bound : Similarity(a, b);
    }

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        if (a.Length > 64 || b.Length > 64)
        {
            a = a[..Math.Min(a.Length, 64)];
            b = b[..Math.Min(b.Length, 64)];
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        ulong matchedA = 0, matchedB = 0;
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if ((matchedB & (1UL << j)) == 0 && a[i] == b[j])
                {
                    matchedA |= 1UL << i;
                    matchedB |= 1UL << j;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((matchedA & (1UL << i)) == 0)
            {
                continue;
            }

            while ((matchedB & (1UL << k)) == 0)
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3.0;
        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>1 − Levenshtein distance / longer length (strings cut at 64 characters).</summary>
    public static double LevenshteinRatio(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = a[..Math.Min(a.Length, 64)];
        b = b[..Math.Min(b.Length, 64)];
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            cur.CopyTo(prev);
        }

        return 1.0 - ((double)prev[b.Length] / Math.Max(a.Length, b.Length));
    }

    /// <summary>True when the strings differ by at most one substitution, insertion, deletion or adjacent transposition.</summary>
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            // substitution, or transposition of neighbours (Damerau)
            if (a[(i + 1)..].SequenceEqual(b[(i + 1)..]))
            {
                return true;
            }

            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
        }

        return a.Length > b.Length ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
    }
}
