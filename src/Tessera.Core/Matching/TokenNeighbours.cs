namespace Tessera.Core.Matching;

/// <summary>The name tokens of a population within about one edit of a given token (symmetric delete, Garbe 2012).</summary>
/// <remarks>
/// Every token of four letters or more is stored under itself and under each form with one letter deleted; a query
/// token looks up the same forms. Two tokens meet when they differ by one insertion, deletion, substitution or
/// transposition of neighbours (and in a few two-edit cases), so a query with a typo in every name ("Lauren Tnkunda")
/// still finds its candidates. Built once; read-only and safe for concurrent queries.
/// </remarks>
internal sealed class TokenNeighbours
{
    private const int MinLength = 4;
    private readonly Dictionary<string, int[]> _byForm;

    public TokenNeighbours(FeatureTable table)
    {
        var forms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        foreach (var id in table.TokLatin)
        {
            var text = table.Vocab.Text(id);
            if (text.Length < MinLength || !seen.Add(id))
            {
                continue;
            }

            foreach (var form in Forms(text))
            {
                if (!forms.TryGetValue(form, out var list))
                {
                    forms[form] = list = [];
                }

                if (list.Count == 0 || list[^1] != id)
                {
                    list.Add(id);
                }
            }
        }

        _byForm = forms.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Adds the ids of the population's tokens near <paramref name="token"/> (itself excluded) to <paramref name="into"/>.</summary>
    public void Near(string token, int self, List<int> into)
    {
        if (token.Length < MinLength)
        {
            return;
        }

        foreach (var form in Forms(token))
        {
            if (_byForm.TryGetValue(form, out var ids))
            {
                foreach (var id in ids)
                {
                    if (id != self && !into.Contains(id))
                    {
                        into.Add(id);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Forms(string text)
    {
        yield return text;
        for (var k = 0; k < text.Length; k++)
        {
            if (k > 0 && text[k] == text[k - 1])
            {
                continue;
            }

            yield return string.Concat(text.AsSpan(0, k), text.AsSpan(k + 1));
        }
    }
}
