namespace Tessera.Core.Matching;

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

    /// <summary>Fills <paramref name="levels"/> and <paramref name="values"/>; <paramref name="swapped"/> tells that given and family names matched crosswise.</summary>
    public void Levels(FeatureTable a, int i, FeatureTable b, int j, Span<byte> levels, Span<int> values, out bool swapped)
    {
        swapped = false;
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
        if (!NameAlignment.MayAlignKeyed(a, x.GivenStart, x.GivenLength, b, y.FamilyStart, y.FamilyLength)
            || !NameAlignment.MayAlignKeyed(a, x.FamilyStart, x.FamilyLength, b, y.GivenStart, y.GivenLength))
        {
            return;
        }

        var xg = NameAlignment.Level(a, x.GivenStart, x.GivenLength, b, y.FamilyStart, y.FamilyLength, out _);
        var xf = NameAlignment.Level(a, x.FamilyStart, x.FamilyLength, b, y.GivenStart, y.GivenLength, out _);
        if (xg <= 2 && xf <= 2 && xg + xf < lg + lf)
        {
            levels[_given] = xg;
            levels[_family] = xf;
            values[_given] = -1;
            values[_family] = -1;
            swapped = true;
        }
    }
}
