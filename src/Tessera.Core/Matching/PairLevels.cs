namespace Tessera.Core.Matching;

/// <summary>How the name parts of a pair were lined up.</summary>
internal enum NameOrder : byte
{
    /// <summary>Given with given, family with family.</summary>
    AsWritten,

    /// <summary>Given with family and family with given.</summary>
    Swapped,

    /// <summary>All tokens of one name against all of the other: the parts were split differently (family name first
    /// without capitals, a name in Arabic script read in another order, a middle name in the family field).</summary>
    Whole,
}

/// <summary>Computes the levels of all comparisons for a pair, handling swapped given/family names.</summary>
internal sealed class PairLevels
{
    private readonly ComparisonKind[] _kinds;
    private readonly int _given;
    private readonly int _family;

    public PairLevels(ComparisonKind[] kinds)
    {
        _kinds = kinds;
        _given = Array.IndexOf(kinds, ComparisonKind.GivenName);
        _family = Array.IndexOf(kinds, ComparisonKind.FamilyName);
    }

    /// <summary>A necessary condition for two whole names to align at level ≤ 3, in integer compares only: every token of
    /// the shorter name (of both when they are as long) has a partner in the other with the same Latin form, equivalence
    /// group, skeleton or phonetic code, and the longer name has at most two tokens more. Most candidate pairs
    /// (different persons) fail it at once, so the alignment is rarely run.</summary>
    private static bool EveryTokenKeyed(FeatureTable a, int aStart, int aLen, FeatureTable b, int bStart, int bLen)
    {
        if (Math.Abs(aLen - bLen) > 2)
        {
            return false;
        }

        var tokensA = a.Tokens;
        var tokensB = b.Tokens;
        for (var side = 0; side < 2; side++)
        {
            var (ta, sa, la, tb, sb, lb) = side == 0 ? (tokensA, aStart, aLen, tokensB, bStart, bLen) : (tokensB, bStart, bLen, tokensA, aStart, aLen);
            if (la > lb)
            {
                continue;
            }

            for (var i = 0; i < la; i++)
            {
                ref readonly var t = ref ta[sa + i];
                var found = false;
                for (var j = 0; j < lb && !found; j++)
                {
                    ref readonly var u = ref tb[sb + j];
                    found = t.Latin == u.Latin || (t.Equivalence >= 0 && t.Equivalence == u.Equivalence) || t.Skeleton == u.Skeleton || t.Phonetic == u.Phonetic;
                }

                if (!found)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when the longer name has as many more forebears' names (after bin, ibn, ben, ould …) as it has tokens.</summary>
    private static bool NasabExplainsLength(FeatureTable a, int aStart, int aLen, FeatureTable b, int bStart, int bLen)
    {
        static int Forebears(FeatureTable t, int start, int len)
        {
            var n = 0;
            for (var k = 0; k < len; k++)
            {
                n += (t.TokFlags[start + k] & FeatureTable.FlagAncestor) != 0 ? 1 : 0;
            }

            return n;
        }

        return aLen - bLen == Forebears(a, aStart, aLen) - Forebears(b, bStart, bLen);
    }

    /// <summary>Fills <paramref name="levels"/> and <paramref name="values"/>; <paramref name="order"/> tells how the name parts were lined up.</summary>
    public void Levels(FeatureTable a, int i, FeatureTable b, int j, Span<byte> levels, Span<int> values, out NameOrder order)
    {
        order = NameOrder.AsWritten;
        for (var c = 0; c < _kinds.Length; c++)
        {
            levels[c] = LevelComputer.Level(_kinds[c], a, i, b, j, out values[c]);
        }

        if (_given < 0 || _family < 0)
        {
            return;
        }

        var lg = levels[_given];
        var lf = levels[_family];
        ref readonly var x = ref a.Rows[i];
        ref readonly var y = ref b.Rows[j];
        if ((lg <= 2 && lf <= 2) || x.GivenLength == 0 || x.FamilyLength == 0 || y.GivenLength == 0 || y.FamilyLength == 0)
        {
            return;
        }

        // Swapped given/family names (Splink ForenameSurnameComparison): accept the cross alignment when it is strong.
        // Both cross levels must be ≤ 2; a one-token pair with no shared key cannot be, so most strangers stop here.
        if (NameAlignment.MayAlignKeyed(a, x.GivenStart, x.GivenLength, b, y.FamilyStart, y.FamilyLength)
            && NameAlignment.MayAlignKeyed(a, x.FamilyStart, x.FamilyLength, b, y.GivenStart, y.GivenLength))
        {
            var xg = NameAlignment.Level(a, x.GivenStart, x.GivenLength, b, y.FamilyStart, y.FamilyLength, out _);
            var xf = NameAlignment.Level(a, x.FamilyStart, x.FamilyLength, b, y.GivenStart, y.GivenLength, out _);
            if (xg <= 2 && xf <= 2 && xg + xf < lg + lf)
            {
                // The values stay: they agree with the other side's crosswise parts, and a common name stays common.
                levels[_given] = xg;
                levels[_family] = xf;
                order = NameOrder.Swapped;
                return;
            }
        }

        // Parts split differently on the two sides: when the whole names align token for token (level ≤ 2, nothing left
        // over on either side) both parts take the whole name's level; the values stay, so term frequencies still
        // apply. A name with a nasab or a middle name that the other leaves out ("TAMIMI Ahmed ben Mohammed" against
        // "Achmed Tamimi") aligns with tokens left over, and is taken at the first fuzzy tier (level 3) when the longer
        // name is longer by its forebears' names only: a left-over given name is another person of the family (a son
        // named after his father, "Yohannes Tesfai" against "Tesfai Yohannes"). Only tried when a part disagrees, so the
        // common case costs nothing more.
        if ((lg <= 2 && lf <= 2) || x.FullLength < 2 || y.FullLength < 2 || !EveryTokenKeyed(a, x.FullStart, x.FullLength, b, y.FullStart, y.FullLength))
        {
            return;
        }

        var whole = NameAlignment.Level(a, x.FullStart, x.FullLength, b, y.FullStart, y.FullLength, out _);
        var most = x.FullLength == y.FullLength ? 2 : 3;
        if (whole <= most && whole < Math.Max(lg, lf) && (x.FullLength == y.FullLength || NasabExplainsLength(a, x.FullStart, x.FullLength, b, y.FullStart, y.FullLength)))
        {
            levels[_given] = whole;
            levels[_family] = whole;
            order = NameOrder.Whole;
        }
    }
}
