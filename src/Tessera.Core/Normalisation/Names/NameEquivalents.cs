namespace Tessera.Core.Normalisation.Names;

/// <summary>The equivalence table of frequent name parts across romanisations and scripts (<c>equivalents.txt</c>).</summary>
/// <remarks>
/// Every variant is put through the same pipeline as a name token (clean, transliterate, particles), so that a lookup
/// by a token's Latin form finds its group whatever script it was written in. Lines that share a variant are merged
/// (union-find); a group's id is the index of its first line, its label the first variant of that line.
/// </remarks>
public static class NameEquivalents
{
    private static readonly (Dictionary<string, int> Groups, string[] Labels) Data = Load();

    private static (Dictionary<string, int>, string[]) Load()
    {
        var lines = NameData.Lines("equivalents.txt").ToList();
        var parent = Enumerable.Range(0, lines.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new string[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var variants = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            labels[i] = variants[0];
            foreach (var variant in variants)
            {
                var tokens = NameParser.LatinTokens(variant, out _);
                if (tokens.Count != 1)
                {
                    continue;
                }

                if (owner.TryGetValue(tokens[0], out var other))
                {
                    var (a, b) = (Find(other), Find(i));
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
                else
                {
                    owner[tokens[0]] = i;
                }
            }
        }

        var groups = owner.ToDictionary(kv => kv.Key, kv => Find(kv.Value), StringComparer.Ordinal);
        return (groups, labels);
    }

    /// <summary>The group id of a Latin token, or -1.</summary>
    public static int GroupOf(string latinToken) => Data.Groups.TryGetValue(latinToken, out var g) ? g : -1;

    /// <summary>The label (first variant) of a group.</summary>
    public static string Label(int group) => group >= 0 && group < Data.Labels.Length ? Data.Labels[group] : "";

    /// <summary>Every variant with its group label (for inspection).</summary>
    internal static IEnumerable<(string Variant, string Label)> Variants() => Data.Groups.Select(kv => (kv.Key, Label(kv.Value)));

    /// <summary>Number of variants known to the table.</summary>
    public static int VariantCount => Data.Groups.Count;
}
