using System.Globalization;

namespace Tessera.Core.Normalisation.Names;

/// <summary>Floors on the share of the most frequent Arabic given and family names (<c>common-names.tsv</c>), by equivalence group.</summary>
/// <remarks>Term frequencies come from the data matched; a small data set sees Mohammed Ali a few times and would take the
/// name for a rare one. The floors keep such names common whatever the data.</remarks>
public static class CommonNames
{
    private static readonly Dictionary<int, (double Given, double Family)> Shares = Load();

    private static Dictionary<int, (double, double)> Load()
    {
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        var shares = new Dictionary<int, (double, double)>();
        foreach (var line in NameData.Lines("common-names.tsv"))
        {
            var f = line.Split('\t');
            var group = NameEquivalents.GroupOf(f[0]);
            if (group < 0)
            {
                throw new InvalidOperationException($"common-names.tsv: '{f[0]}' is not in the equivalence table");
            }

            shares[group] = (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture));
        }

        return shares;
    }

    /// <summary>The floor on the share of a name written as <paramref name="groups"/> (equivalence groups, -1 for a token
    /// outside the table): the product over its tokens, 0 when any token is not a common name.</summary>
    /// <param name="given">True for a given name, false for a family name; null for a whole name (either role).</param>
    public static double Share(IEnumerable<int> groups, bool? given)
    {
        var share = 1.0;
        var any = false;
        foreach (var g in groups)
        {
            if (!Shares.TryGetValue(g, out var s))
            {
                return 0;
            }

            share *= given switch { true => s.Given, false => s.Family, null => Math.Max(s.Given, s.Family) };
            any = true;
        }

        return any ? share : 0;
    }
}
