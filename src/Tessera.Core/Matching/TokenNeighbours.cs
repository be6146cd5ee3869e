namespace Tessera.Core.Matching;

/// <summary>The name tokens of a population within about one edit of a given token (symmetric delete, Garbe 2012).</summary>
/// <remarks>
/// Every token of four letters or more is stored under itself and under each form with one letter deleted; a query
/// token looks up the same forms. Two tokens meet when they differ by one insertion, deletion, substitution or
/// transposition of neighbours (and in a few two-edit cases), so a query with a typo in every name ("Lauren Tnkunda")
/// still finds its candidates. <see cref="Add"/> takes the tokens of a further feature table (a segment of a resident
/// index); the caller serialises it against queries (the resident index holds its write lock). Queries alone may run
/// concurrently.
/// </remarks>
internal sealed class TokenNeighbours
{
    private const int MinLength = 4;
    private readonly Dictionary<string, List<int>> _byForm = new(StringComparer.Ordinal);
    private readonly HashSet<int> _seen = [];

    /// <summary>No tokens yet.</summary>
    public TokenNeighbours()
    {
    }

    public TokenNeighbours(FeatureTable table) => Add(table);

    /// <summary>Stores the tokens of <paramref name="table"/> not stored yet.</summary>
    public void Add(FeatureTable table)
    {
        foreach (var id in table.TokLatin)
        {
            var text = table.Vocab.Text(id);
            if (text.Length < MinLength || !_seen.Add(id))
            {
                continue;
            }

            foreach (var form in Forms(text))
            {
                if (!_byForm.TryGetValue(form, out var list))
                {
                    _byForm[form] = list = [];
                }

                // Forms of one token are distinct (runs of a letter give one form), but keep the guard cheap anyway.
                if (list.Count == 0 || list[^1] != id)
                {
                    list.Add(id);
                }
            }
        }
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
