using CsCheck;
using Tessera.Core.Matching;

namespace Tessera.Core.Tests.Matching;

public sealed class MatchEngineTests
{
    private static readonly string[] Given = ["mohammed", "ahmad", "yusuf", "omar", "ali", "fatima", "maryam", "ibrahim", "khalid", "hassan", "zainab", "mustafa"];
    private static readonly string[] Family = ["haddad", "rahimi", "noorzai", "karimi", "osman", "saleh", "barzani", "ahmadi", "yilmaz", "kaya", "demir", "celik"];

    /// <summary>A small population with known duplicates (typos, swapped names) and distinct persons.</summary>
    internal static List<PersonRecord> Population(int persons, int seed)
    {
        var rng = new Random(seed);
        var list = new List<PersonRecord>();
        for (var p = 0; p < persons; p++)
        {
            var given = Given[rng.Next(Given.Length)];
            var family = Family[rng.Next(Family.Length)] + (p % 7 == 0 ? "" : ((char)('a' + rng.Next(26))).ToString());
            var dob = $"19{rng.Next(50, 99)}-{rng.Next(1, 13):00}-{rng.Next(1, 28):00}";
            list.Add(new PersonRecord($"p{p}-a") { FirstName = given, LastName = family, BirthDate = dob, Nationality = "SY", Phones = [$"+4915{p:0000000}"] });
            if (p % 2 == 0)
            {
                var typo = family.Length > 3 ? family.Remove(2, 1) : family;
                list.Add(new PersonRecord($"p{p}-b") { FirstName = given, LastName = typo, BirthDate = dob, Nationality = "Syria" });
            }
        }

        return list;
    }

    [Fact]
    public void Dedupe_SmallPopulation_FindsDuplicatesWithoutFalseHits()
    {
        var records = Population(300, 7);
        var run = new MatchEngine().Dedupe(records);
        var hits = run.Pairs.Where(p => p.Kind == MatchKind.SamePerson).ToList();
        var correct = hits.Count(p => records[p.Left].Id[..^2] == records[p.Right].Id[..^2]);

        Assert.True(correct >= 140, $"found {correct} of 150 duplicates");
        Assert.True(hits.Count - correct <= 3, $"{hits.Count - correct} false hits");
    }

    [Fact]
    public void FeatureTableBuild_InChunksWithoutNames_GivesTheColumnsOfOnePass()
    {
        // Chunks of 64 over 1,000 records (the parse of the next chunk overlaps the interning of this one, and the parse
        // caches are dropped between chunks): every id and column must be that of the table built in one chunk.
        var records = Population(500, 11);
        var whole = FeatureTable.Build(records, new Vocabulary(), keepNames: true, chunk: records.Count);
        var chunked = FeatureTable.Build(records, new Vocabulary(), keepNames: false, chunk: 64);

        Assert.Empty(chunked.Names);
        Assert.Equal(records.Count, whole.Names.Length);
        foreach (var property in typeof(FeatureTable).GetProperties().Where(p => p.PropertyType.IsArray && p.Name is not (nameof(FeatureTable.Names) or nameof(FeatureTable.Identifiers))))
        {
            Assert.Equal((System.Collections.IEnumerable)property.GetValue(whole)!, (System.Collections.IEnumerable)property.GetValue(chunked)!);
        }

        for (var slot = 0; slot < whole.Identifiers.Length; slot++)
        {
            Assert.Equal(whole.Identifiers[slot], chunked.Identifiers[slot], (x, y) => x.Start.SequenceEqual(y.Start) && x.Length.SequenceEqual(y.Length) && x.Values.SequenceEqual(y.Values));
        }
    }

    [Fact]
    public void Score_AnyPair_IsSymmetricAndBounded()
    {
        var records = Population(120, 3);
        var vocab = new Vocabulary();
        var table = FeatureTable.Build(records, vocab);
        var kinds = MatchEngine.ChooseComparisons(table, table, structured: true);
        var model = ModelTrainer.Train(table, table, dedupe: true, kinds, Blocking.Candidates(table, null, 200, out _));
        var scorer = new PairScorer(model);
        var bound = Math.Abs(model.Prior) + model.Kinds.Count * 40.0;

        Gen.Select(Gen.Int[0, records.Count - 1], Gen.Int[0, records.Count - 1]).Sample((i, j) =>
        {
            var ab = scorer.Score(table, i, table, j, out _, out _);
            var ba = scorer.Score(table, j, table, i, out _, out _);
            var p = MatchModel.Probability(ab);
            return Math.Abs(ab - ba) < 1e-9 && Math.Abs(ab) <= bound && p is >= 0 and <= 1;
        });
    }

    [Fact]
    public void TermFrequency_PhoneSharedByForty_WeighsLessThanUniquePhone()
    {
        var records = Population(200, 11).Select((r, k) => k < 40 ? r with { Phones = ["+49 151 0000000"] } : r).ToList();
        var vocab = new Vocabulary();
        var table = FeatureTable.Build(records, vocab);
        var kinds = MatchEngine.ChooseComparisons(table, table, structured: true);
        var model = ModelTrainer.Train(table, table, dedupe: true, kinds, Blocking.Candidates(table, null, 200, out _));
        var phone = model.Kinds.ToList().IndexOf(ComparisonKind.Phone);
        var shared = vocab.Find(FieldKeys.Phone("+49 151 0000000")!);
        var unique = vocab.Find(FieldKeys.Phone(records.Skip(40).First(r => r.Phones.Count > 0).Phones[0])!);

        Assert.True(model.TfAdjustment(phone, shared) < model.TfAdjustment(phone, unique) - 4);
    }

    [Fact]
    public void SharedPhoneAlone_IsLinkNotSamePerson()
    {
        var records = new List<PersonRecord>
        {
            new("a") { FirstName = "Omar", LastName = "Haddad", BirthDate = "1990-01-02", Phones = ["+218 91 1234567"] },
            new("b") { FirstName = "Zainab", LastName = "Karimi", BirthDate = "1975-11-30", Phones = ["00218911234567"] },
        };
        records.AddRange(Population(200, 5));
        var engine = new MatchEngine();
        var run = engine.Dedupe(records);
        var pair = run.Pairs.Single(p => p.Left == 0 && p.Right == 1);

        Assert.Equal(MatchKind.Link, pair.Kind);
    }

    [Fact]
    public void Explanation_ListsEveryComparisonAndNameAlignment()
    {
        var records = Population(200, 9);
        var engine = new MatchEngine();
        var run = engine.Dedupe(records);
        var pair = run.Pairs.First(p => p.Kind == MatchKind.SamePerson);
        var explanation = engine.Explain(pair);

        Assert.Equal(run.Model.Kinds.Select(k => k.ToString()), explanation.Comparisons.Select(c => c.Comparison));
        Assert.Equal(pair.Weight, explanation.Weight, 3);
        Assert.Contains(explanation.Comparisons, c => c.Comparison == "FamilyName" && c.Tokens.Count > 0);
        Assert.Contains("prior", explanation.Line, StringComparison.Ordinal);
        Assert.Contains("FamilyName", explanation.Line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(19800512, 19800512, 0)]
    [InlineData(19800101, 19800101, 1)]
    [InlineData(19800512, 19800513, 2)]
    [InlineData(19800512, 19801205, 3)]
    [InlineData(19800000, 19800512, 4)]
    [InlineData(19800512, 19800601, 5)]
    [InlineData(19800112, 19801125, 6)]
    [InlineData(19800512, 19811120, 7)]
    [InlineData(19800101, 19700000, 8)]
    [InlineData(19800512, 19900101, 9)]
    public void DateLevel_KnownPairs_GetExpectedLevel(int left, int right, int level)
    {
        Assert.Equal(level, LevelComputer.Date(left, false, right, false));
    }
}
