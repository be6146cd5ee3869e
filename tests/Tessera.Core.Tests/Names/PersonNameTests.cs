using Tessera.Core.Matching;
using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Tests.Names;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("محمد", "Mohammed")]
    [InlineData("Мухаммед", "Mohammed")]
    [InlineData("Muhammad", "Mohamed")]
    [InlineData("يوسف", "Youssef")]
    [InlineData("Hüseyin", "Hussein")]
    [InlineData("حسين", "Husayn")]
    [InlineData("أحمد", "Ahmad")]
    [InlineData("Umar", "Omar")]
    [InlineData("Khaled", "Khalid")]
    public void EquivalenceTable_VariantsAcrossScripts_ShareGroup(string left, string right)
    {
        var a = PersonName.Parse(left).Tokens.Single();
        var b = PersonName.Parse(right).Tokens.Single();

        Assert.True(a.Equivalence >= 0, $"{left} has no group");
        Assert.Equal(a.Equivalence, b.Equivalence);
    }

    [Theory]
    [InlineData("محمد", "mhmd")]
    [InlineData("Мухаммед", "mukhammed")]
    [InlineData("Αλέξανδρος", "alexandros")]
    [InlineData("Hüseyin Çelik", "huseyin celik")]
    [InlineData("ገብረ", "gebre")]
    public void Transliteration_KnownScripts_WritesLatin(string text, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(text).ToString());
    }

    [Theory]
    [InlineData("Abd al-Rahman", "abdrahman")]
    [InlineData("Abdul Rahman", "abdrahman")]
    [InlineData("Abdulrahman", "abdrahman")]
    [InlineData("Abderrahmane", "abdrahmane")]
    [InlineData("Abu Bakr", "abubakr")]
    public void Compounds_AbdAndAbu_StayOneUnit(string text, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(text).ToString());
    }

    [Theory]
    [InlineData("Haji Mullah Omar", "omar")]
    [InlineData("Sheikh Ahmed al-Nuaimi", "ahmed nuaimi")]
    [InlineData("Osama bin Laden", "osama laden")]
    [InlineData("مُحَمَّد", "mhmd")]
    [InlineData("مـحـمـد", "mhmd")]
    public void Cleanup_HonorificsParticlesHarakatTatweel_Removed(string text, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(text).ToString());
    }

    [Theory]
    [InlineData("yusuf", "ysf")]
    [InlineData("youssef", "ysf")]
    [InlineData("khaled", "hld")]
    [InlineData("fatimah", "ftm")]
    public void Skeleton_Romanisations_Agree(string latin, string skeleton)
    {
        Assert.Equal(skeleton, NameKeys.Skeleton(latin));
    }

    [Fact]
    public void Parse_CommaForm_PutsFamilyNameFirst()
    {
        var name = PersonName.Parse("SALEK, ABDULHAI");

        Assert.Equal("salek", name.WithRole(NameRole.Family).Single().Latin);
        Assert.Equal(PersonName.Parse("Abdulhai Salek").SortedKey, name.SortedKey);
    }

    [Theory]
    [InlineData("محمد", "Mohammed")]
    [InlineData("Мухаммед", "Mohammed")]
    [InlineData("محمد", "Мухаммед")]
    [InlineData("Abdul Hai Salek", "SALEK, Abdulhai")]
    [InlineData("Ig0r Sech1n", "Igor Sechin")]
    public void NameMatcher_SameNameAcrossScripts_Matches(string left, string right)
    {
        Assert.True(NameMatcher.Compare(left, right).IsMatch);
    }

    [Theory]
    [InlineData("Raúl Castillo", "Raúl Castro")]
    [InlineData("Angela Merkel", "Olaf Scholz")]
    public void NameMatcher_DifferentNames_DoNotMatch(string left, string right)
    {
        Assert.False(NameMatcher.Compare(left, right).IsMatch);
    }
}
