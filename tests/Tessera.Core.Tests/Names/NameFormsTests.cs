using Tessera.Core.Matching;
using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Tests.Names;

/// <summary>Ways of writing one name that are not spelling: acronyms, abbreviations, numbers, titles, nasab chains, glides.</summary>
public sealed class NameFormsTests
{
    [Theory]
    [InlineData("NATO", "North Atlantic Treaty Organization")]
    [InlineData("ISIS", "Islamic State of Iraq and Syria")]
    [InlineData("UNHCR", "United Nations High Commissioner for Refugees")]
    [InlineData("EU Border Agency", "European Union Border Agency")]
    public void Acronym_MatchesTheWordsItAbbreviates(string acronym, string full)
    {
        var result = NameMatcher.Compare(acronym, full);

        Assert.True(result.IsMatch, $"{result.LevelName} {result.Score}");
        Assert.Contains(result.Tokens, t => t.Reason == TokenReason.Acronym);
        Assert.True(result.Level >= 3, "an acronym is a review-band match, never an equivalent name");
    }

    [Theory]
    [InlineData("NATO", "North Atlantic Council")]
    [InlineData("J.S.", "John Smith")]
    [InlineData("KIM JONG UN", "KOREAN INDEPENDENT MOVEMENT JONG UN")]
    [InlineData("Omar", "Overseas Military Air Resources")]
    public void Acronym_DoesNotFireOnInitialsNamesOrCapitalisedNames(string left, string right)
    {
        Assert.DoesNotContain(NameMatcher.Compare(left, right).Tokens, t => t.Reason == TokenReason.Acronym);
    }

    [Fact]
    public void AcronymMark_NeedsLowerCaseElsewhereOrAWholeName()
    {
        Assert.Equal(NameMarks.Acronym, PersonName.Parse("PLA Navy").Tokens[0].Marks & NameMarks.Acronym);
        Assert.Equal(NameMarks.Acronym, PersonName.Parse("NATO").Tokens[0].Marks & NameMarks.Acronym);
        Assert.Equal(NameMarks.None, PersonName.Parse("KO TAE HUN").Tokens[0].Marks & NameMarks.Acronym);
        Assert.Equal(NameMarks.None, PersonName.Parse("ALI").Tokens[0].Marks & NameMarks.Acronym);
    }

    [Theory]
    [InlineData("Acme Intl Trading", "Acme International Trading")]
    [InlineData("Nordic Mfg Group", "Nordic Manufacturing Group")]
    [InlineData("Second Harbour Bank", "2nd Harbour Bank")]
    [InlineData("Twenty-Seven Brigade", "27 Brigade")]
    [InlineData("Seven Seas Shipping", "7 Seas Shipping")]
    public void AbbreviationsAndNumbers_AreWrittenOut(string left, string right)
    {
        Assert.Equal(0, NameMatcher.Compare(left, right).Level);
    }

    [Theory]
    [InlineData("Baltic Freight, Inc.", "Baltic Freight Inc")]
    [InlineData("Baltic Freight, S.A.", "Baltic Freight SA")]
    [InlineData("Baltic Freight Incorporated", "Baltic Freight Inc.")]
    public void LegalFormAfterAComma_IsNotAGivenName(string left, string right)
    {
        Assert.Equal(0, NameMatcher.Compare(left, right).Level);
    }

    [Fact]
    public void CommaBeforeAGivenName_StillPutsTheFamilyNameFirst()
    {
        var name = PersonName.Parse("Karimi, Reza");

        Assert.Equal(NameRole.Family, name.Tokens.Single(t => t.Latin == "karimi").Role);
        Assert.Equal(0, NameMatcher.Compare("Karimi, Reza", "Reza Karimi").Level);
    }

    [Fact]
    public void TitleWithFamilyName_IsAReviewMatchForTheFullName()
    {
        var result = NameMatcher.Compare("General Haftar", "Khalifa Belqasim Haftar");

        Assert.Equal(4, result.Level);
        Assert.Equal(NameMarks.Titled, PersonName.Parse("General Haftar").Tokens[0].Marks);
    }

    [Theory]
    [InlineData("General Khalifa", "Khalifa Belqasim Haftar")]
    [InlineData("Haftar", "Khalifa Belqasim Haftar")]
    public void TitleWithAGivenName_OrNoTitle_IsNotEnough(string left, string right)
    {
        Assert.False(NameMatcher.Compare(left, right).IsMatch);
    }

    [Fact]
    public void NasabChain_LeftOutLinksCostNothing()
    {
        var name = PersonName.Parse("Ahmad bin Yusuf bin Karim al-Tamimi");
        Assert.Equal(NameMarks.Ancestor, name.Tokens.Single(t => t.Latin == "yusuf").Marks);
        Assert.Equal(NameMarks.Ancestor, name.Tokens.Single(t => t.Latin == "karim").Marks);

        var result = NameMatcher.Compare("Ahmad al-Tamimi", "Ahmad bin Yusuf bin Karim al-Tamimi");

        Assert.True(result.IsMatch);
        Assert.Equal(1.0, result.Score, 3);
    }

    [Fact]
    public void NasabChain_DifferentFirstNameStillDiffers()
    {
        Assert.False(NameMatcher.Compare("Khalid al-Tamimi", "Ahmad bin Yusuf bin Karim al-Tamimi").IsMatch);
    }

    [Theory]
    [InlineData("Alexej Nawalny", "Алексей Навальный")]
    [InlineData("Nikolaj Petrov", "Nikolay Petrov")]
    [InlineData("Andrej Kovac", "Andrei Kovac")]
    public void CyrillicShortI_IsOneLetterWhicheverWayItIsWritten(string left, string right)
    {
        Assert.True(NameMatcher.Compare(left, right).Level <= 2);
    }

    [Fact]
    public void EqualTokens_PairBeforeMerges()
    {
        // "sc" has its double in the other name: it is not swallowed by a typo merge with "johnson".
        var result = NameMatcher.Compare("S.C. Johnson & Son", "SC Johnson & Son");

        Assert.Equal(0, result.Level);
    }
}
