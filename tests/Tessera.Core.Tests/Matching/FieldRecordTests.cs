using Tessera.Core.Matching;
using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Tests.Matching;

/// <summary>Records as border and police authorities write them: contradicting evidence, common names, name order,
/// nationality words, Greek script, placeholder dates.</summary>
public sealed class FieldRecordTests
{
    private static (MatchEngine Engine, MatchRun Run, List<PersonRecord> Records) Dedupe(params PersonRecord[] extra)
    {
        // Every first record of a person carries a passport of its own, so that documents are compared.
        var records = MatchEngineTests.Population(300, 5).Select((r, k) => r.Id.EndsWith("-a", StringComparison.Ordinal) ? r with { PassportNumbers = [$"P{k:0000000}"] } : r)
            .Concat(extra).ToList();
        var engine = new MatchEngine();
        return (engine, engine.Dedupe(records, new MatchOptions(KeepBelowReview: true)), records);
    }

    private static ScoredPair Pair(MatchRun run, List<PersonRecord> records, string a, string b) =>
        run.Pairs.Single(p => (records[p.Left].Id, records[p.Right].Id) is var ids && ((ids.Item1 == a && ids.Item2 == b) || (ids.Item1 == b && ids.Item2 == a)));

    [Fact]
    public void Explain_PhonesDiffer_PullsWeightDownAndNamesThePhone()
    {
        var (engine, run, records) = Dedupe(
            new PersonRecord("x1") { FirstName = "Zubair", LastName = "Qassemi", Nationality = "SY", Phones = ["+49 170 1111111"] },
            new PersonRecord("x2") { FirstName = "Zubair", LastName = "Qassemi", Nationality = "Syria", Phones = ["+49 170 2222222"] },
            new PersonRecord("y1") { FirstName = "Jalal", LastName = "Barakzai", Nationality = "SY" },
            new PersonRecord("y2") { FirstName = "Jalal", LastName = "Barakzai", Nationality = "Syria" });
        var differing = Pair(run, records, "x1", "x2");
        var unknown = Pair(run, records, "y1", "y2");
        var explanation = engine.Explain(differing);

        Assert.True(differing.Weight <= unknown.Weight - 4, $"{differing.Weight:0.00} vs {unknown.Weight:0.00}");
        Assert.True(differing.IdentityWeight <= unknown.IdentityWeight - 4, "a differing phone counts against identity");
        Assert.Contains("Phone", explanation.Disagreeing);
        Assert.Contains("disagrees: Phone", explanation.Line, StringComparison.Ordinal);
        Assert.DoesNotContain("Phone", engine.Explain(unknown).Disagreeing);
    }

    [Fact]
    public void Explain_DocumentsDiffer_IsNotSamePersonOnNameAndDate()
    {
        var (engine, run, records) = Dedupe(
            new PersonRecord("d1") { FirstName = "Zubair", LastName = "Qassemi", BirthDate = "1990-05-12", PassportNumbers = ["N1234567"] },
            new PersonRecord("d2") { FirstName = "Zubair", LastName = "Qassemi", BirthDate = "1990-05-12", PassportNumbers = ["R7654321"] },
            new PersonRecord("e1") { FirstName = "Jalal", LastName = "Barakzai", BirthDate = "1990-05-12" },
            new PersonRecord("e2") { FirstName = "Jalal", LastName = "Barakzai", BirthDate = "1990-05-12" });
        var differing = Pair(run, records, "d1", "d2");
        var unknown = Pair(run, records, "e1", "e2");

        Assert.True(differing.Weight <= unknown.Weight - 4, $"{differing.Weight:0.00} vs {unknown.Weight:0.00}");
        Assert.Contains("Document", engine.Explain(differing).Disagreeing);
    }

    [Fact]
    public void Explain_BirthDatesFarApart_NotSamePersonAndNamed()
    {
        var (engine, run, records) = Dedupe(
            new PersonRecord("b1") { FirstName = "Zubair", LastName = "Qassemi", Nationality = "SY", BirthDate = "1990-05-12" },
            new PersonRecord("b2") { FirstName = "Zubair", LastName = "Qassemi", Nationality = "SY", BirthDate = "1971-11-03" },
            new PersonRecord("c1") { FirstName = "Jalal", LastName = "Barakzai", Nationality = "SY" },
            new PersonRecord("c2") { FirstName = "Jalal", LastName = "Barakzai", Nationality = "SY" });
        var far = Pair(run, records, "b1", "b2");
        var unknown = Pair(run, records, "c1", "c2");
        var explanation = engine.Explain(far);

        Assert.NotEqual(MatchKind.SamePerson, far.Kind);
        Assert.True(far.Weight <= unknown.Weight - 6, $"{far.Weight:0.00} vs {unknown.Weight:0.00}");
        Assert.Contains("BirthDate", explanation.Disagreeing);
        Assert.True(explanation.Probability < 0.5, $"p {explanation.Probability:0.000}");
    }

    [Fact]
    public void Dedupe_CommonArabicNameAlone_DoesNotReachTheHitBand()
    {
        var (engine, run, records) = Dedupe(
            new PersonRecord("m1") { FirstName = "Mohammed", LastName = "Ali", Nationality = "SY" },
            new PersonRecord("m2") { FirstName = "Muhammad", LastName = "Ali", Nationality = "Syrian" },
            new PersonRecord("h1") { FirstName = "Ahmed", LastName = "Hassan", Nationality = "SY" },
            new PersonRecord("h2") { FirstName = "Ahmad", LastName = "Hasan", Nationality = "SYR" },
            new PersonRecord("z1") { FirstName = "Zubair", LastName = "Qassemi", Nationality = "SY" },
            new PersonRecord("z2") { FirstName = "Zubair", LastName = "Qassemi", Nationality = "SY" });
        var mohammed = Pair(run, records, "m1", "m2");
        var ahmed = Pair(run, records, "h1", "h2");
        var rare = Pair(run, records, "z1", "z2");

        Assert.True(mohammed.Kind != MatchKind.SamePerson, engine.Explain(mohammed).Line);
        Assert.True(ahmed.Kind != MatchKind.SamePerson, engine.Explain(ahmed).Line);
        Assert.True(mohammed.IdentityWeight <= rare.IdentityWeight - 4, $"{mohammed.IdentityWeight:0.00} vs {rare.IdentityWeight:0.00}");
    }

    [Fact]
    public void Dedupe_FamilyNameFirstInCapitals_MatchesTheSamePersonInParts()
    {
        var (engine, run, records) = Dedupe(
            new PersonRecord("f1") { Name = "QASSEMI Zubair Khalil", BirthDate = "12/05/1990", Nationality = "siriano" },
            new PersonRecord("f2") { FirstName = "Zubair", LastName = "Qassemi", BirthDate = "1990-05-12", Nationality = "Syrien" });
        var pair = Pair(run, records, "f1", "f2");

        Assert.True(pair.Kind == MatchKind.SamePerson, engine.Explain(pair).Line);
    }

    [Theory]
    [InlineData("NAJJAR Omar", "omar", "najjar")]
    [InlineData("Omar Khalil NAJJAR", "omar khalil", "najjar")]
    [InlineData("OMAR NAJJAR", "omar", "najjar")]
    [InlineData("Omar Najjar", "omar", "najjar")]
    public void Parse_CapitalisedFamilyName_TakesTheFamilyRole(string written, string given, string family)
    {
        var name = PersonName.Parse(written);

        Assert.Equal(given, string.Join(' ', name.Tokens.Where(t => t.Role == NameRole.Given).Select(t => t.Latin)));
        Assert.Equal(family, string.Join(' ', name.Tokens.Where(t => t.Role == NameRole.Family).Select(t => t.Latin)));
    }

    [Theory]
    [InlineData("Syria")]
    [InlineData("Syrian")]
    [InlineData("SYR")]
    [InlineData("سوريا")]
    [InlineData("Syrien")]
    [InlineData("syrisch")]
    [InlineData("siriano")]
    [InlineData("sirio")]
    [InlineData("Συρία")]
    public void CountryKey_NationalityWrittenAnyWay_IsTheAlpha2Code(string written) => Assert.Equal("SY", FieldKeys.Country(written));

    [Theory]
    [InlineData("männlich", "m")]
    [InlineData("weiblich", "f")]
    [InlineData("F", "f")]
    [InlineData("maschio", "m")]
    public void GenderKey_FormWords_AreMOrF(string written, string key) => Assert.Equal(key, FieldKeys.Gender(written));

    [Theory]
    [InlineData("Μπιλάλ", "bilal")]
    [InlineData("Τζαμάλ", "jamal")]
    [InlineData("Σαΐντ", "said")]
    [InlineData("Μουσταφά", "moustafa")]
    [InlineData("Χαλίλ", "khalil")]
    [InlineData("Αΐσα", "aisa")]
    [InlineData("İbrahim", "ibrahim")]
    public void ToLatin_GreekDigraphsAndTurkishCapitalI_ReadAsTheNamesTheyWrite(string written, string latin) =>
        Assert.Equal(latin, Transliteration.ToLatin(written, out _));

    [Theory]
    [InlineData(19900101, 19900612, 4)]
    [InlineData(19900612, 19900101, 4)]
    [InlineData(19900000, 19900612, 4)]
    [InlineData(19900101, 19900101, 1)]
    [InlineData(19900101, 19910612, 7)]
    [InlineData(19900612, 19750203, 9)]
    public void DateLevel_FirstOfJanuaryAgainstADateOfItsYear_IsPartialAgreement(int x, int y, int level) =>
        Assert.Equal((byte)level, LevelComputer.Date(x, false, y, false));

    [Theory]
    [InlineData(19760101, 19770101, 7)]
    [InlineData(19760101, 19860101, 8)]
    [InlineData(19760000, 19790101, 8)]
    [InlineData(19760000, 19830000, 9)]
    public void DateLevel_TwoDatesGivingOnlyTheirYears_AreComparedByTheYear(int x, int y, int level) =>
        Assert.Equal((byte)level, LevelComputer.Date(x, false, y, false));

    [Theory]
    [InlineData(19761108, 19761109, 2)]
    [InlineData(19661107, 49661107, 2)]
    [InlineData(19761108, 19671108, 2)]
    public void DateLevel_FullDatesOneTypedDigitApart_AreOneEdit(int x, int y, int level) =>
        Assert.Equal((byte)level, LevelComputer.Date(x, false, y, false));

    [Theory]
    [InlineData("Khaled Ahmad Yassin", "Khalid Omar Saleh Haddad", 6)]
    [InlineData("Ahmad Fareed", "Ahmad Jamal Hassan", 6)]
    [InlineData("Faisal Tamimi", "Mohammed Qassemi", 7)]
    [InlineData("Faisal", "Mohammed", 7)]
    public void NameLevel_OneTokenAgreesAndTheRestNot_IsKeptApartFromElse(string left, string right, int level) =>
        Assert.Equal(level, NameMatcher.Compare(left, right).Level);

    [Fact]
    public void Levels_NasabOnOneSideSplitDifferently_TakeTheWholeNameAtTheFirstFuzzyTier()
    {
        var (order, given, family) = Levels(new PersonRecord("a") { Name = "TAMIMI Ahmed ben Mohammed" }, new PersonRecord("b") { FirstName = "Achmed", LastName = "Tamimi" });

        Assert.Equal(NameOrder.Whole, order);
        Assert.True(given <= 3 && family <= 3, $"{given} {family}");
    }

    [Fact]
    public void Levels_FatherAgainstSonNamedAfterHim_DoNotAlignWhole()
    {
        var (order, given, family) = Levels(new PersonRecord("a") { Name = "Ahmad bin Fareed Popal" }, new PersonRecord("b") { FirstName = "Fareed", LastName = "Popal" });

        Assert.False(order == NameOrder.Whole && given <= 3, $"{order} {given} {family}");
    }

    private static (NameOrder Order, byte Given, byte Family) Levels(PersonRecord a, PersonRecord b)
    {
        var table = FeatureTable.Build([a, b], new Vocabulary());
        var levels = new byte[2];
        var values = new int[2];
        new PairLevels([ComparisonKind.GivenName, ComparisonKind.FamilyName]).Levels(table, 0, table, 1, levels, values, out var order);
        return (order, levels[0], levels[1]);
    }

    [Fact]
    public void Levels_SonNamedAfterHisFatherInAnotherOrder_DoNotAlignWhole()
    {
        var (order, given, family) = Levels(new PersonRecord("a") { FirstName = "Yohannes", MiddleName = "Yohannes", LastName = "Tesfai" }, new PersonRecord("b") { Name = "Tesfai Yohannes" });

        Assert.False(order == NameOrder.Whole && given <= 3, $"{order} {given} {family}");
    }

    [Fact]
    public void Weight_NationalityWhenNamesAgree_CountsLessThanAmongRandomPairs()
    {
        // Names drawn from one pool per nationality: strangers who share a name share the nationality too.
        string[][] pools = [["Yohannes", "Tesfai", "Haile", "Mehari", "Kibrom", "Dawit"], ["Omar", "Khalil", "Najjar", "Haddad", "Tamimi", "Bilal"], ["Wali", "Jawad", "Popal", "Ahmadzai", "Noorzai", "Zaher"]];
        string[] countries = ["ER", "SY", "AF"];
        var rng = new Random(3);
        var records = new List<PersonRecord>();
        for (var p = 0; p < 900; p++)
        {
            var pool = pools[p % 3];
            var record = new PersonRecord($"p{p}-a")
            {
                FirstName = pool[rng.Next(pool.Length)],
                LastName = pool[rng.Next(pool.Length)],
                BirthDate = $"19{rng.Next(50, 99)}-{rng.Next(1, 13):00}-{rng.Next(1, 28):00}",
                Nationality = countries[p % 3],
            };
            records.Add(record);
            if (p % 2 == 0)
            {
                records.Add(record with { Id = $"p{p}-b" });
            }
        }

        var model = new MatchEngine().Dedupe(records).Model;
        var kinds = model.Kinds.ToList();
        var levels = Enumerable.Repeat(Comparisons.Null, kinds.Count).ToArray();
        levels[kinds.IndexOf(ComparisonKind.FamilyName)] = 0;
        var nationality = kinds.IndexOf(ComparisonKind.Nationality);

        Assert.NotNull(model.NamedWeights[nationality]);
        Assert.True(model.Weight(nationality, 0, levels) < model.Weights[nationality][0] - 0.5, $"{model.Weight(nationality, 0, levels):0.00} vs {model.Weights[nationality][0]:0.00}");
    }

    [Fact]
    public void FullNameLevel_OneSharedTokenOfLongNames_IsElse()
    {
        var table = FeatureTable.Build([new PersonRecord("a") { Name = "Hassan Saif al-Din Rawi Tikriti" }, new PersonRecord("b") { Name = "Hassan Ali Majid Qassemi" }], new Vocabulary());

        Assert.Equal(NameAlignment.TokenAgrees, NameAlignment.Level(table, table.FullStart[0], table.FullLength[0], table, table.FullStart[1], table.FullLength[1], out _));
        Assert.Equal(NameAlignment.Else, LevelComputer.FullName(table, 0, table, 1, out _));
    }

    [Fact]
    public void Weight_YearsOneTypedDigitApart_NeverCountsForAMatch()
    {
        var (_, run, _) = Dedupe(
            new PersonRecord("y1") { FirstName = "Zubair", LastName = "Qassemi", BirthDate = "1976" },
            new PersonRecord("y2") { FirstName = "Zubair", LastName = "Qassemi", BirthDate = "1986" });
        var date = run.Model.Kinds.ToList().IndexOf(ComparisonKind.BirthDate);

        Assert.Equal("year one edit", Comparisons.LevelNames(ComparisonKind.BirthDate)[Comparisons.NeverForLevel(ComparisonKind.BirthDate)]);
        Assert.True(run.Model.Weights[date][Comparisons.NeverForLevel(ComparisonKind.BirthDate)] <= 0);
    }
}
