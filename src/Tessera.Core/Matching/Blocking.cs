namespace Tessera.Core.Matching;

/// <summary>Candidate generation as a union of blocking passes (Splink-style OR), with caps on giant blocks.</summary>
/// <remarks>
/// Passes: (1) exact strong identifiers; (2) family-name skeleton + birth year (±1 via two keys); (3) shared name
/// tokens, equivalence groups and skeletons, which only pair records through rare values because blocks above the cap
/// are skipped; (4) phonetic code of a family name (of any name token when no family name is known) + full birth date; (5) swapped names (order-free given/family skeletons);
/// (6) full birth date + postcode, or the birth date alone as a weak key whose blocks are capped at 12 records; (7–9) place passes: city + birth date, city + postcode, street prefix + city or postcode. Keys are 64-bit hashes; records are sorted by key and every block
/// within its cap emits its pairs; pairs are de-duplicated by sorting.
/// </remarks>
internal static class Blocking
{
    /// <summary>The pass of weak keys (a birth date alone), whose blocks are capped at <see cref="WeakCap"/> records.</summary>
    private const int WeakPass = 10;

    /// <summary>Largest block of a weak key that still emits pairs.</summary>
    private const int WeakCap = 12;

    /// <summary>Candidate pairs packed as left &lt;&lt; 32 | right (left &lt; right in a dedupe; left from <paramref name="a"/> in a link).</summary>
    public static long[] Candidates(FeatureTable a, FeatureTable? b, int cap, out BlockingReport report)
    {
        var keys = new List<ulong>(a.Count * 12);
        var owners = new List<int>(a.Count * 12);
        AddKeys(a, 0, keys, owners);
        if (b is not null)
        {
            AddKeys(b, a.Count, keys, owners);
        }

        var keyArray = keys.ToArray();
        var ownerArray = owners.ToArray();
        Array.Sort(keyArray, ownerArray);
        var pairs = new List<long>();
        long skipped = 0;
        var start = 0;
        while (start < keyArray.Length)
        {
            var end = start + 1;
            while (end < keyArray.Length && keyArray[end] == keyArray[start])
            {
                end++;
            }

            var size = end - start;
            var pass = keyArray[start] >> 60;
            var idCap = pass == 1 ? cap * 4 : pass == WeakPass ? Math.Min(cap, WeakCap) : cap;
            if (size > idCap)
            {
                skipped++;
            }
            else if (size > 1)
            {
                Emit(ownerArray.AsSpan(start, size), a.Count, b is null, pairs);
            }

            start = end;
        }

        var result = pairs.ToArray();
        Array.Sort(result);
        var unique = 0;
        for (var p = 0; p < result.Length; p++)
        {
            if (p == 0 || result[p] != result[p - 1])
            {
                result[unique++] = result[p];
            }
        }

        Array.Resize(ref result, unique);
        report = new BlockingReport(result.Length, skipped, keyArray.Length);
        return result;
    }

    private static void Emit(Span<int> members, int offset, bool dedupe, List<long> pairs)
    {
        for (var x = 0; x < members.Length; x++)
        {
            for (var y = x + 1; y < members.Length; y++)
            {
                int p = members[x], q = members[y];
                if (dedupe)
                {
                    if (p == q)
                    {
                        continue;
                    }

                    pairs.Add(p < q ? ((long)p << 32) | (uint)q : ((long)q << 32) | (uint)p);
                }
                else if ((p < offset) != (q < offset))
                {
                    var (l, r) = p < offset ? (p, q - offset) : (q, p - offset);
                    pairs.Add(((long)l << 32) | (uint)r);
                }
            }
        }
    }

    /// <summary>The blocking keys of every record of <paramref name="t"/>.</summary>
    internal static void AddKeys(FeatureTable t, int offset, List<ulong> keys, List<int> owners)
    {
        for (var i = 0; i < t.Count; i++)
        {
            var before = keys.Count;
            RecordKeys(t, i, keys);
            for (var k = before; k < keys.Count; k++)
            {
                owners.Add(offset + i);
            }
        }
    }

    internal static void RecordKeys(FeatureTable t, int i, List<ulong> keys)
    {
        for (var slot = 0; slot < t.Identifiers.Length; slot++)
        {
            var col = t.Identifiers[slot];
            for (var k = 0; k < col.Length[i]; k++)
            {
                keys.Add(Key(1, slot, col.Values[col.Start[i] + k]));
            }
        }

        var dob = t.BirthDate[i];
        var year = dob >= 0 ? dob / 10000 : -1;
        var fullDob = dob >= 0 && dob % 100 > 0 && dob / 100 % 100 > 0;
        for (var k = 0; k < t.FamilyLength[i]; k++)
        {
            var skel = t.TokSkeleton[t.FamilyStart[i] + k];
            if (year >= 0)
            {
                keys.Add(Key(2, skel, year));
                keys.Add(Key(2, skel, year + 1));
            }
        }

        for (var k = 0; k < t.FullLength[i]; k++)
        {
            var tok = t.FullStart[i] + k;
            keys.Add(Key(3, 0, t.TokLatin[tok]));
            keys.Add(Key(3, 1, t.TokSkeleton[tok]));
            if (t.TokEquivalence[tok] >= 0)
            {
                keys.Add(Key(3, 2, t.TokEquivalence[tok]));
            }

            // Pass 4 pairs a family name's sound with the birth date; a given name with a birth date only when no family name
            // is known ("Mohammed" born on a given day is dozens of strangers in a large population).
            if (fullDob && (t.FamilyLength[i] == 0 || IsFamily(t, i, t.TokLatin[tok])))
            {
                keys.Add(Key(4, t.TokPhonetic[tok], dob));
            }
        }

        for (var x = 0; x < t.AliasCount[i]; x++)
        {
            var s = t.AliasRangeStart[t.AliasFirst[i] + x];
            for (var k = 0; k < t.AliasRangeLength[t.AliasFirst[i] + x]; k++)
            {
                keys.Add(Key(3, 0, t.TokLatin[s + k]));
                keys.Add(Key(3, 1, t.TokSkeleton[s + k]));
            }
        }

        if (t.GivenLength[i] > 0 && t.FamilyLength[i] > 0)
        {
            var g = t.TokSkeleton[t.GivenStart[i]];
            var f = t.TokSkeleton[t.FamilyStart[i]];
            keys.Add(Key(5, Math.Min(g, f), Math.Max(g, f)));
        }

        // Birth date alone (no postcode) is a weak key: capped at WeakCap records. In a small list a shared date is rare
        // and pairs records whose names were replaced; in a large population every date is a block of dozens of
        // strangers (1 M records over 70 years of dates: ~40 a day, ~20 M pairs) and the block is skipped.
        if (fullDob)
        {
            keys.Add(t.PostalCode[i] >= 0 ? Key(6, t.PostalCode[i], dob) : Key(WeakPass, 0, dob));
        }

        // Place passes: a person's names can be replaced or missing while birth date and address survive.
        var city = t.City[i];
        if (city >= 0)
        {
            if (fullDob)
            {
                keys.Add(Key(7, city, dob));
            }

            if (t.PostalCode[i] >= 0)
            {
                keys.Add(Key(8, city, t.PostalCode[i]));
            }
        }

        if (t.Street[i] >= 0)
        {
            var squashed = SquashedPrefix(t.Vocab.Text(t.Street[i]));
            keys.Add(Key(9, squashed, city));
            keys.Add(Key(9, squashed, t.PostalCode[i]));
        }
    }

    private static bool IsFamily(FeatureTable t, int i, int latin)
    {
        for (var k = 0; k < t.FamilyLength[i]; k++)
        {
            if (t.TokLatin[t.FamilyStart[i] + k] == latin)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>FNV-1a of the first eight letters without spaces ("cope place" and "copeplace" agree).</summary>
    private static int SquashedPrefix(string text)
    {
        var hash = 2166136261u;
        var taken = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                continue;
            }

            hash = (hash ^ c) * 16777619u;
            if (++taken == 8)
            {
                break;
            }
        }

        return (int)hash;
    }

    /// <summary>A 64-bit key: the pass in the top 4 bits, a mix of the two values below (SplitMix64 finaliser).</summary>
    internal static ulong Key(int pass, int x, int y)
    {
        var h = ((ulong)(uint)x << 32) ^ (uint)y ^ ((ulong)pass * 0x9E3779B97F4A7C15UL);
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return ((ulong)pass << 60) | (h >> 4);
    }
}

/// <summary>Blocking outcome: candidate pairs, blocks skipped by the cap, keys emitted.</summary>
public sealed record BlockingReport(long CandidatePairs, long SkippedBlocks, long Keys);
