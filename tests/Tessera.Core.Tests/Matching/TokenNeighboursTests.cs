using CsCheck;
using Tessera.Core.Matching;

namespace Tessera.Core.Tests.Matching;

public sealed class TokenNeighboursTests
{
    // Names over a small alphabet, so that most tokens have neighbours one deletion away (and hashed forms collide in
    // buckets with others often enough to exercise the check against the form's text).
    private static readonly Gen<string> Token = Gen.Char["abnr"].Array[1, 7].Select(c => new string(c));
    private static readonly Gen<string[]> Names = Gen.Select(Token, Token).Select((a, b) => a + " " + b).Array[1, 60];

    [Fact]
    public void Near_BulkBaseAndAddedSegments_FindsExactlyTheTokensSharingADeletionForm()
    {
        Gen.Select(Names, Names, Token.Array[1, 20]).Sample((first, later, queries) =>
        {
            var vocab = new Vocabulary();
            var baseTable = FeatureTable.Build([.. first.Select((n, i) => new PersonRecord("a" + i) { Name = n })], vocab);
            var addedTable = FeatureTable.Build([.. later.Select((n, i) => new PersonRecord("b" + i) { Name = n })], vocab);
            var neighbours = new TokenNeighbours(baseTable);
            neighbours.Add(addedTable);
            var indexed = baseTable.TokLatin.Concat(addedTable.TokLatin).Distinct().Where(id => vocab.Text(id).Length >= 4).ToList();

            foreach (var query in queries.Concat(indexed.Select(vocab.Text)))
            {
                var self = vocab.Find(query);
                var near = new List<int>();
                neighbours.Near(query, self, near);
                var expected = query.Length < 4 ? [] : indexed.Where(id => id != self && Forms(vocab.Text(id)).Overlaps(Forms(query))).Order().ToList();
                Assert.Equal(expected, near.Order().ToList());
                Assert.Equal(near.Count, near.Distinct().Count());
            }
        }, iter: 200);
    }

    [Fact]
    public void Near_TokenLongerThanTheStackBuffers_IsLookedUp()
    {
        var vocab = new Vocabulary();
        var table = FeatureTable.Build([new PersonRecord("a") { Name = new string('q', 70) + "z Haddad" }], vocab);
        var indexed = table.TokLatin.Distinct().Single(id => vocab.Text(id).Length > 64);
        var neighbours = new TokenNeighbours(table);
        var near = new List<int>();

        neighbours.Near(vocab.Text(indexed)[..^1], -1, near);

        Assert.Equal([indexed], near);
    }

    // The forms of the symmetric-delete map as strings: the token and each one-letter deletion.
    private static HashSet<string> Forms(string text) =>
        [text, .. Enumerable.Range(0, text.Length).Select(k => text.Remove(k, 1))];
}
