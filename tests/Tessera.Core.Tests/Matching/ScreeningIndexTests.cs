using Tessera.Core.Matching;

namespace Tessera.Core.Tests.Matching;

public sealed class ScreeningIndexTests
{
    private static ScreeningIndex Index()
    {
        var population = MatchEngineTests.Population(300, 21).Where(r => r.Id.EndsWith('a')).ToList();
        population.Add(new PersonRecord("target") { Name = "Mohammed Yusuf Haddad", BirthDate = "1984-03-07", Nationality = "SY", Phones = ["+963 944 123456"] });
        return new ScreeningIndex(population);
    }

    [Theory]
    [InlineData("محمد يوسف حداد")]
    [InlineData("Мухаммед Юсуф Хаддад")]
    [InlineData("HADDAD, Muhammad Youssef")]
    public void Query_SamePersonInAnotherScript_RanksTargetFirst(string name)
    {
        var hits = Index().Query(new PersonRecord("q") { Name = name, BirthDate = "1984-03-07", Nationality = "Syria" });

        Assert.NotEmpty(hits);
        Assert.Equal("target", hits[0].Id);
        Assert.Equal(MatchKind.SamePerson, hits[0].Kind);
    }

    [Fact]
    public void QueryIdentifier_SharedPhone_IsLink()
    {
        var hits = Index().QueryIdentifier("phone", "00963944123456");

        Assert.Equal("target", Assert.Single(hits).Id);
        Assert.Equal(MatchKind.Link, hits[0].Kind);
    }

    [Fact]
    public void Query_TypoInEveryName_StillFindsTarget()
    {
        var hits = Index().Query(new PersonRecord("q") { Name = "Mohamed Yusuff Hadad", BirthDate = "1984-03-07", Nationality = "SY" });

        Assert.Contains(hits, h => h.Id == "target");
    }

    [Fact]
    public void Query_OneEntryPerPerson_RelativeLosesToListedPerson()
    {
        var population = MatchEngineTests.Population(300, 21).Where(r => r.Id.EndsWith('a')).ToList();
        population.Add(new PersonRecord("father") { Name = "Sabawi Ibrahim Hasan al-Tikriti", BirthDate = "1947", Nationality = "IQ" });
        population.Add(new PersonRecord("son") { Name = "Yasir Sabawi Ibrahim Hasan al-Tikriti", Nationality = "IQ" });
        var query = new PersonRecord("q") { Name = "Sabawi Ibrahim Hasan al-Tikriti", BirthDate = "1947", Nationality = "IQ" };
        var shared = new ScreeningIndex(population).Query(query, 50);
        var listed = new ScreeningIndex(population) { OneEntryPerPerson = true }.Query(query, 50);

        var sonShared = shared.Single(h => h.Id == "son");
        var sonListed = listed.FirstOrDefault(h => h.Id == "son");
        Assert.Equal("father", listed[0].Id);
        Assert.Equal(MatchKind.SamePerson, listed[0].Kind);
        Assert.True(sonListed is null || sonListed.Weight < sonShared.Weight);
        Assert.Equal(0, shared.Sum(h => h.Competition));
    }

    [Fact]
    public void Query_RareExactName_WeighsMoreThanItsRawFrequency()
    {
        // Good–Turing: 60 names seen once and 6 seen twice give r* = 2·6/60 = 0.2 for a name seen once: +2.3 bits.
        string[] given = ["Amir", "Bashir", "Karim", "Dawud", "Elias", "Farid", "Ghani", "Hamid", "Idris", "Jamal"];
        string[] family = ["Noorzai", "Alizai", "Popal", "Sherzad", "Wardak", "Zadran", "Kakar"];
        var population = new List<PersonRecord>();
        for (var k = 0; k < 66; k++)
        {
            var name = given[k % given.Length] + " " + family[k / given.Length];
            population.Add(new PersonRecord("p" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Name = name });
            if (k < 6)
            {
                population.Add(new PersonRecord("d" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Name = name });
            }
        }

        var index = new ScreeningIndex(population);
        var query = new PersonRecord("q") { Name = "Jamal Zadran" };
        var target = population.FindIndex(r => r.Name == "Jamal Zadran");
        var fullName = index.Explain(query, target).Comparisons.Single(c => c.Comparison == nameof(ComparisonKind.FullName));

        Assert.InRange(fullName.TfAdjustment, 2.0, 2.6);
    }
}
