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
}
