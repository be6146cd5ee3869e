using Tessera.Core.Matching;

namespace Tessera.Core.Tests.Matching;

public sealed class PairScoringTests
{
    // Latin spellings, transliteration variants, equivalents, initials and non-Latin scripts.
    private static readonly string[] Names =
    [
        "mohammed", "muhammad", "mohamed", "ahmad", "ahmed", "yusuf", "youssef", "joseph", "haddad", "hadad", "j", "m",
        "محمد", "أحمد", "Мухаммед", "Иван", "ivan", "李", "li", "barack", "贝拉克", "kim", "김", "omar", "umar",
    ];

    private static FeatureTable Table(Vocabulary vocab) =>
        FeatureTable.Build([.. Names.Select((n, k) => new PersonRecord("r" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)) { FirstName = n, LastName = "x" })], vocab);

    [Fact]
    public void MayAlignKeyed_False_LevelAboveTwo()
    {
        var vocab = new Vocabulary();
        var t = Table(vocab);
        int excluded = 0, keyed = 0;
        for (var i = 0; i < t.Count; i++)
        {
            for (var j = 0; j < t.Count; j++)
            {
                var level = NameAlignment.Level(t, t.GivenStart[i], t.GivenLength[i], t, t.GivenStart[j], t.GivenLength[j], out _);
                keyed += level <= 2 ? 1 : 0;
                if (!NameAlignment.MayAlignKeyed(t, t.GivenStart[i], t.GivenLength[i], t, t.GivenStart[j], t.GivenLength[j]))
                {
                    excluded++;
                    Assert.True(level > 2, $"{Names[i]} ~ {Names[j]}: level {level} but excluded");
                }
            }
        }

        // Neither side of the implication is empty on this list.
        Assert.True(excluded > 0);
        Assert.True(keyed > t.Count);
    }

    [Fact]
    public void PackedRows_EqualColumns()
    {
        var t = Table(new Vocabulary());
        for (var k = 0; k < t.TokLatin.Length; k++)
        {
            var row = t.Tokens[k];
            Assert.Equal((t.TokLatin[k], t.TokSkeleton[k], t.TokPhonetic[k], t.TokEquivalence[k], t.TokFlags[k], t.Vocab.Mask(t.TokLatin[k])), (row.Latin, row.Skeleton, row.Phonetic, row.Equivalence, row.Flags, row.Mask));
        }

        for (var r = 0; r < t.Count; r++)
        {
            var row = t.Rows[r];
            Assert.Equal((t.GivenStart[r], t.GivenLength[r], t.FamilyStart[r], t.FamilyLength[r], t.FullStart[r], t.FullLength[r], t.BirthDate[r], t.AliasCount[r]), (row.GivenStart, row.GivenLength, row.FamilyStart, row.FamilyLength, row.FullStart, row.FullLength, row.BirthDate, row.AliasCount));
        }
    }

    [Fact]
    public void ScoreAll_Parallel_SameAsOnePairAtATime()
    {
        var records = MatchEngineTests.Population(2000, 11);
        var vocab = new Vocabulary();
        var t = FeatureTable.Build(records, vocab);
        var pairs = Blocking.Candidates(t, null, 200, out _);
        var kinds = MatchEngine.ChooseComparisons(t, t, structured: true);
        var scorer = new PairScorer(ModelTrainer.Train(t, t, dedupe: true, kinds, pairs));
        var weights = new float[pairs.Length];
        var identity = new float[pairs.Length];
        var shared = new bool[pairs.Length];
        scorer.ScoreAll(t, t, pairs, weights, identity, shared);

        Assert.True(pairs.Length > 16_384, $"{pairs.Length} pairs: fewer than two chunks");
        for (var p = 0; p < pairs.Length; p++)
        {
            var w = (float)scorer.Score(t, (int)(pairs[p] >> 32), t, (int)(pairs[p] & 0xFFFFFFFF), out var id, out var s);
            Assert.Equal((w, (float)id, s), (weights[p], identity[p], shared[p]));
        }
    }
}
