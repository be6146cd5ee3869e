using System.Runtime.InteropServices;

namespace Tessera.Core.Matching;

/// <summary>The name tokens of a population within about one edit of a given token (symmetric delete, Garbe 2012).</summary>
/// <remarks>
/// Every token of four letters or more is stored under itself and under each form with one letter deleted; a query
/// token looks up the same forms. Two tokens meet when they differ by one insertion, deletion, substitution or
/// transposition of neighbours (and in a few two-edit cases), so a query with a typo in every name ("Lauren Tnkunda")
/// still finds its candidates. <see cref="Add"/> takes the tokens of a further feature table (a segment of a resident
/// index); the caller serialises it against queries (the resident index holds its write lock). Queries alone may run
/// concurrently.
/// Forms are kept as 64-bit hashes, not strings: the tokens of the first table in one array grouped by form (built in
/// bulk, the forms hashed in parallel), later tokens in a small map. A token found under a form's hash is checked
/// against the form's text before it is returned, so a hash collision never adds a neighbour.
/// </remarks>
internal sealed class TokenNeighbours
{
    private const int MinLength = 4;
    private readonly SortedKeys _baseForms = new([]);
    private readonly Dictionary<ulong, List<int>> _addedForms = [];
    private bool[] _seen = [];
    private int[] _baseStart = [0];
    private int[] _baseTokens = [];
    private Vocabulary? _vocab;

    /// <summary>No tokens yet.</summary>
    public TokenNeighbours()
    {
    }

    /// <summary>The tokens of <paramref name="table"/>, grouped by form in bulk.</summary>
    public TokenNeighbours(FeatureTable table)
    {
        _vocab = table.Vocab;
        var tokens = New(table);
        var count = new int[tokens.Count + 1];
        for (var t = 0; t < tokens.Count; t++)
        {
            count[t + 1] = count[t] + FormCount(_vocab.Text(tokens[t]));
        }

        var hashes = new ulong[count[^1]];
        Parallel.For(0, tokens.Count, t => Hashes(_vocab.Text(tokens[t]), hashes.AsSpan(count[t], count[t + 1] - count[t])));

        // Counting sort by form: a dense number per distinct hash, then every token in first-seen order under its forms.
        var numbers = new Dictionary<ulong, int>();
        var form = new int[hashes.Length];
        var sizes = new List<int>();
        for (var f = 0; f < hashes.Length; f++)
        {
            ref var dense = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, hashes[f], out var exists);
            if (!exists)
            {
                dense = sizes.Count;
                sizes.Add(0);
            }

            form[f] = dense;
            sizes[dense]++;
        }

        // The forms are kept as sorted arrays, not as the dictionary: half the memory at hub scale.
        _baseForms = new SortedKeys(numbers);
        _baseStart = new int[sizes.Count + 1];
        for (var d = 0; d < sizes.Count; d++)
        {
            _baseStart[d + 1] = _baseStart[d] + sizes[d];
        }

        _baseTokens = new int[hashes.Length];
        var next = _baseStart[..^1];
        for (var t = 0; t < tokens.Count; t++)
        {
            for (var f = count[t]; f < count[t + 1]; f++)
            {
                _baseTokens[next[form[f]]++] = tokens[t];
            }
        }
    }

    /// <summary>Stores the tokens of <paramref name="table"/> not stored yet.</summary>
    public void Add(FeatureTable table)
    {
        _vocab ??= table.Vocab;
        Span<ulong> hashes = stackalloc ulong[64];
        foreach (var id in New(table))
        {
            var text = _vocab.Text(id);
            var forms = text.Length < hashes.Length ? hashes[..FormCount(text)] : new ulong[FormCount(text)];
            Hashes(text, forms);
            foreach (var hash in forms)
            {
                if (!_addedForms.TryGetValue(hash, out var list))
                {
                    _addedForms[hash] = list = [];
                }

                list.Add(id);
            }
        }
    }

    /// <summary>Adds the ids of the population's tokens near <paramref name="token"/> (itself excluded) to <paramref name="into"/>.</summary>
    public void Near(string token, int self, List<int> into)
    {
        if (token.Length < MinLength || _vocab is null)
        {
            return;
        }

        Span<ulong> hashes = stackalloc ulong[64];
        var forms = token.Length < hashes.Length ? hashes[..FormCount(token)] : new ulong[FormCount(token)];
        Hashes(token, forms);
        var deleted = -1;
        for (var f = 0; f < forms.Length; f++)
        {
            // The f-th form deletes the letter at `deleted` (none for the first), skipping repeated letters as Hashes does.
            if (f > 0)
            {
                do
                {
                    deleted++;
                }
                while (deleted > 0 && token[deleted] == token[deleted - 1]);
            }

            if (_baseForms.TryGetValue(forms[f], out var dense))
            {
                Collect(token, deleted, _baseTokens.AsSpan(_baseStart[dense], _baseStart[dense + 1] - _baseStart[dense]), self, into);
            }

            if (_addedForms.TryGetValue(forms[f], out var added))
            {
                Collect(token, deleted, CollectionsMarshal.AsSpan(added), self, into);
            }
        }
    }

    private void Collect(string token, int deleted, ReadOnlySpan<int> ids, int self, List<int> into)
    {
        foreach (var id in ids)
        {
            if (id != self && !into.Contains(id) && HasForm(_vocab!.Text(id), token, deleted))
            {
                into.Add(id);
            }
        }
    }

    // The tokens of the table of four letters or more not stored yet, in first-seen order.
    private List<int> New(FeatureTable table)
    {
        var result = new List<int>();
        foreach (var id in table.TokLatin)
        {
            if (id >= _seen.Length)
            {
                Array.Resize(ref _seen, Math.Max(id + 1, _seen.Length * 2));
            }

            if (!_seen[id] && table.Vocab.Text(id).Length >= MinLength)
            {
                _seen[id] = true;
                result.Add(id);
            }
        }

        return result;
    }

    // The token itself and each form with one letter deleted; deleting one of a run of equal letters gives one form.
    private static int FormCount(string text)
    {
        var n = 1;
        for (var k = 0; k < text.Length; k++)
        {
            n += k > 0 && text[k] == text[k - 1] ? 0 : 1;
        }

        return n;
    }

    private static void Hashes(string text, Span<ulong> into)
    {
        into[0] = Hash(text, -1);
        var f = 1;
        for (var k = 0; k < text.Length; k++)
        {
            if (k == 0 || text[k] != text[k - 1])
            {
                into[f++] = Hash(text, k);
            }
        }
    }

    // FNV-1a over the characters with the one at `skip` left out, then a final mix (splitmix64).
    private static ulong Hash(string text, int skip)
    {
        var h = 14695981039346656037UL;
        for (var k = 0; k < text.Length; k++)
        {
            if (k != skip)
            {
                h = (h ^ text[k]) * 1099511628211UL;
            }
        }

        h ^= (ulong)(text.Length - (skip < 0 ? 0 : 1));
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }

    // True when `candidate` or one of its one-letter deletions equals `token` with the letter at `deleted` left out
    // (the whole token when deleted is -1): the two share that form.
    private static bool HasForm(string candidate, string token, int deleted)
    {
        var form = Form(token, deleted, token.Length <= 128 ? stackalloc char[128] : new char[token.Length]);
        if (candidate.Length == form.Length)
        {
            return candidate.AsSpan().SequenceEqual(form);
        }

        if (candidate.Length != form.Length + 1)
        {
            return false;
        }

        var p = candidate.AsSpan().CommonPrefixLength(form);
        return candidate.AsSpan(p + 1).SequenceEqual(form[p..]);
    }

    private static ReadOnlySpan<char> Form(string token, int deleted, Span<char> buffer)
    {
        if (deleted < 0)
        {
            return token;
        }

        token.AsSpan(0, deleted).CopyTo(buffer);
        token.AsSpan(deleted + 1).CopyTo(buffer[deleted..]);
        return buffer[..(token.Length - 1)];
    }
}
