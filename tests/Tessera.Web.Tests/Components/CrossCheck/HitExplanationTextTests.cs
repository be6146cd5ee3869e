using Tessera.Web.Components.CrossCheck;

namespace Tessera.Web.Tests.Components.CrossCheck;

public sealed class HitExplanationTextTests
{
    private const string PairLine =
        "3|MT:MT-L-2026-0412 ~ 2|IT:it-p-002: prior -3.6; FullName equivalent +14.4 ['mhmd'≈'mohammed' equivalence 0.95] ['aly'≈'ali' equivalence 0.95] ['hassan'≈'hassan' literal 1.00]; " +
        "BirthDate exact +3.4; Nationality null; Phone different -2.1 (tf -0.3) = +12.1 bits p 0.999 SamePerson";

    [Fact]
    public void Of_PairLine_SaysWhatAgreesWhatDisagreesAndTheOutcome()
    {
        // Figures are written in the user's culture; en-GB is the application's default.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-GB");
        var text = HitExplanationText.Of(PairLine);
        System.Globalization.CultureInfo.CurrentCulture = culture;

        Assert.Equal("Agrees: full name equivalent spellings or scripts (mhmd ≈ mohammed, aly ≈ ali); birth date identical.", text.Sentences[0]);
        Assert.Equal("Disagrees: phone different.", text.Sentences[1]);
        Assert.Equal("Not compared (missing on one side or neutral): nationality.", text.Sentences[2]);
        Assert.Equal("Overall the evidence weighs +12.1 bits: same person, probability 99.9%.", text.Sentences[3]);
    }

    [Fact]
    public void Of_PairLine_KeepsTheWaterfallFromPriorToTotal()
    {
        var steps = HitExplanationText.Of(PairLine).Steps;

        Assert.Equal(["prior", "FullName", "BirthDate", "Nationality", "Phone", "total"], steps.Select(s => s.Label));
        Assert.Equal([-3.6, 14.4, 3.4, null, -2.1, 12.1], steps.Select(s => s.Bits));
    }

    [Theory]
    [InlineData("shares imo 9074729", "Both records hold the same imo: 9074729.")]
    [InlineData("something the engine says", "something the engine says")]
    public void Of_OtherLines_AreShownAsOneSentence(string line, string sentence) =>
        Assert.Equal([sentence], HitExplanationText.Of(line).Sentences);

    [Fact]
    public void Of_NoLine_IsEmpty() => Assert.Empty(HitExplanationText.Of(null).Sentences);
}
