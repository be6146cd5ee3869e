using Tessera.Core.Matching;

namespace Tessera.Core.Tests.Matching;

public sealed class ResidentScreeningIndexTests
{
    private static readonly PersonRecord Target = new("target") { Name = "Mohammed Yusuf Haddad", BirthDate = "1984-03-07", Nationality = "SY", Phones = ["+963 944 123456"] };

    [Theory]
    [InlineData("محمد يوسف حداد")]
    [InlineData("HADDAD, Muhammad Youssef")]
    [InlineData("Mohamad Haddad")]
    public void Query_SmallIndexFilteredToAPopulation_AnswersAsAScreeningIndexOverThatPopulation(string name)
    {
        var all = MatchEngineTests.Population(200, 21);
        all.Add(Target);
        var population = all.Where(r => !r.Id.EndsWith('b')).ToList();
        using var resident = new ResidentScreeningIndex();
        foreach (var batch in all.Chunk(37))
        {
            resident.Add(batch);
        }

        var query = new PersonRecord("q") { Name = name, BirthDate = "1984-03-07", Nationality = "Syria" };
        var expected = new ScreeningIndex(population).Query(query, 5);
        var actual = resident.Query(query, id => !id.EndsWith('b'), population.Count, "not-b", 5);

        // Same weights and kinds; records tied on weight come in any order from ScreeningIndex (its sort is not stable).
        Assert.Equal("target", expected[0].Id);
        Assert.Equal("target", actual[0].Id);
        Assert.Equal(expected.Select(h => (h.Kind, h.Weight)), actual.Select(h => (h.Kind, h.Weight)));
    }

    [Fact]
    public void Query_LargeIndexAddedInBatches_AnswersAsTheSameIndexBuiltAtOnce()
    {
        var all = MatchEngineTests.Population(ResidentScreeningIndex.AlwaysCompactBelow, 5);
        all.Add(Target);
        using var atOnce = new ResidentScreeningIndex();
        atOnce.Add(all);
        using var incremental = new ResidentScreeningIndex();
        incremental.Add(all[..^400]);
        incremental.Compact(force: true);
        foreach (var batch in all[^400..].Chunk(50))
        {
            incremental.Add(batch);
        }

        var query = new PersonRecord("q") { Name = "Muhammad Youssef Haddad", BirthDate = "1984-03-07" };
        var pending = incremental.Query(query, _ => true, all.Count, "all", 3);
        Assert.Equal(400, incremental.Pending);
        incremental.Compact(force: true);
        var compacted = incremental.Query(query, _ => true, all.Count, "all", 3);
        var fresh = atOnce.Query(query, _ => true, all.Count, "all", 3);

        Assert.Equal("target", pending[0].Id);
        Assert.Equal(atOnce.Records(), incremental.Records());
        Assert.Equal(fresh.Select(h => (h.Id, h.Kind, h.Weight)), compacted.Select(h => (h.Id, h.Kind, h.Weight)));
    }

    [Fact]
    public void Query_ExcludedRecord_IsNeverScored()
    {
        using var index = new ResidentScreeningIndex();
        index.Add([Target, new PersonRecord("other") { Name = "Mohammed Yusuf Haddad", BirthDate = "1984-03-07" }]);

        var hits = index.Query(new PersonRecord("q") { Name = "Mohammed Yusuf Haddad", BirthDate = "1984-03-07" }, id => id != "target", 1, "no-target");

        Assert.Equal("other", Assert.Single(hits).Id);
    }

    [Fact]
    public void Query_TypoInEveryNameAfterIncrementalAdd_FindsStoredPerson()
    {
        // Large enough not to be compacted before the query: the newcomer, whose names the index has not seen before,
        // lives in a segment of its own, and its tokens' typo neighbours must have been added with it.
        using var index = new ResidentScreeningIndex();
        index.Add(MatchEngineTests.Population(ResidentScreeningIndex.AlwaysCompactBelow, 5));
        index.Add([new PersonRecord("newcomer") { Name = "Laurent Tinkunda Nyirabahizi", BirthDate = "1979-11-02", Nationality = "RW" }]);

        var hits = index.Query(new PersonRecord("q") { Name = "Lauremt Tinkumda Nyirabahigi", BirthDate = "1979-11-02", Nationality = "RW" }, _ => true, index.Count, "all");

        Assert.Equal(1, index.Pending);
        Assert.Equal("newcomer", Assert.Single(hits).Id);
    }

    [Fact]
    public void Query_OneEntryPerPerson_RanksListedPersonAndDemotesRelative()
    {
        var population = MatchEngineTests.Population(300, 21).Where(r => r.Id.EndsWith('a')).ToList();
        using var index = new ResidentScreeningIndex();
        index.Add(population);
        index.Add([new PersonRecord("father") { Name = "Sabawi Ibrahim Hasan al-Tikriti", BirthDate = "1947", Nationality = "IQ" }]);
        index.Add([new PersonRecord("son") { Name = "Yasir Sabawi Ibrahim Hasan al-Tikriti", Nationality = "IQ" }]);
        var query = new PersonRecord("q") { Name = "Sabawi Ibrahim Hasan al-Tikriti", BirthDate = "1947", Nationality = "IQ" };

        var shared = index.Query(query, _ => true, index.Count, "all", 50);
        var listed = index.Query(query, _ => true, index.Count, "all", 50, oneEntryPerPerson: true);

        var sonShared = shared.Single(h => h.Id == "son");
        var sonListed = listed.FirstOrDefault(h => h.Id == "son");
        Assert.Equal("father", listed[0].Id);
        Assert.Equal(MatchKind.SamePerson, listed[0].Kind);
        Assert.True(sonListed is null || sonListed.Weight < sonShared.Weight);
        Assert.Equal(0, shared.Sum(h => h.Competition));
    }

    [Fact]
    public void Query_HitExplanation_IsTheWaterfallOfATableThatKeepsItsNames()
    {
        // The resident tables keep no parsed names; a hit's waterfall parses its record again. It must be the waterfall
        // of the same pair in a table built with names, which the query's weight also is.
        var population = MatchEngineTests.Population(ResidentScreeningIndex.AlwaysCompactBelow, 7);
        population.Add(Target);
        using var index = new ResidentScreeningIndex();
        index.Add(population);
        var screening = new ScreeningIndex(population);
        var query = new PersonRecord("q") { Name = "HADDAD, Muhammad Youssef", BirthDate = "1984-03-07", Nationality = "Syria", Phones = ["+963944123456"] };

        var hits = index.Query(query, _ => true, population.Count, "all", 5);

        Assert.Equal("target", hits[0].Id);
        foreach (var hit in hits)
        {
            var expected = screening.Explain(query, population.FindIndex(r => r.Id == hit.Id));
            Assert.Equal(expected.Line, hit.Explanation.Line);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected), System.Text.Json.JsonSerializer.Serialize(hit.Explanation));
            Assert.Equal(hit.Weight, hit.Explanation.Weight, 6);
        }
    }

    [Fact]
    public void QueryNumbered_AdmittingByRecordNumber_AnswersAsAdmittingById()
    {
        var population = MatchEngineTests.Population(ResidentScreeningIndex.AlwaysCompactBelow, 9);
        population.Add(Target);
        using var index = new ResidentScreeningIndex();
        index.Add(population[..3000]);
        index.Add(population[3000..]);
        var excluded = population.Where((_, i) => i % 3 == 0).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var query = new PersonRecord("q") { Name = "Mohamad Haddad", BirthDate = "1984-03-07" };

        var byId = index.Query(query, id => !excluded.Contains(id), population.Count - excluded.Count, "two-thirds", 10);
        var byNumber = index.QueryNumbered(query, i => i % 3 != 0, population.Count - excluded.Count, "two-thirds", 10);
        var all = index.QueryNumbered(query, null, population.Count, "all", 10);
        var allById = index.Query(query, _ => true, population.Count, "all", 10);

        Assert.NotEmpty(byId);
        Assert.DoesNotContain(byNumber, h => excluded.Contains(h.Id));
        Assert.Equal(byId.Select(h => (h.Id, h.Kind, h.Weight)), byNumber.Select(h => (h.Id, h.Kind, h.Weight)));
        Assert.Equal(allById.Select(h => (h.Id, h.Kind, h.Weight)), all.Select(h => (h.Id, h.Kind, h.Weight)));
    }
}
