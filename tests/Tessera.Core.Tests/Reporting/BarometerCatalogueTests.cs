using CsCheck;
using Tessera.Core.Model;
using Tessera.Core.Reporting;

namespace Tessera.Core.Tests.Reporting;

/// <summary>The actions file and the indicator catalogue agree, and suppression never shows a small count.</summary>
public sealed class BarometerCatalogueTests
{
    [Fact]
    public void Actions_EverySectionOfTheNote_OnceWithKnownIndicators()
    {
        var ids = BarometerActions.All.Select(a => a.Id).ToList();

        Assert.Equal(["I.1", "I.2", "I.3", "I.4", "I.5", "II.1", "III.1", "III.2", "III.3", "III.4", "III.5", "III.6", "IV.1", "IV.2", "C.1"], ids);
        Assert.All(BarometerActions.All.SelectMany(a => a.Indicators), key => Assert.Contains(IndicatorCatalogue.All, d => d.Key == key));
        Assert.All(IndicatorCatalogue.All, d => Assert.NotNull(BarometerActions.Find(d.Chapter)));
        Assert.All(BarometerActions.All, a => Assert.Contains(BarometerHtml.Chapters, c => c.Section == a.Section));
    }

    [Theory]
    [InlineData("done", ActionStatus.Done)]
    [InlineData(" Under-Way ", ActionStatus.UnderWay)]
    [InlineData("not-applicable", ActionStatus.NotApplicable)]
    public void ParseStatus_Names_RoundTrip(string text, ActionStatus expected)
    {
        Assert.Equal(expected, BarometerActions.ParseStatus(text));
        Assert.Equal(expected, BarometerActions.ParseStatus(BarometerActions.Name(expected)));
    }

    [Theory]
    [InlineData("2024-13", "2024-12", "from")]
    [InlineData("2024-05", "2024-04", "to")]
    [InlineData("2000-01", "2024-12", "to")]
    public void Period_BadInput_NamesTheField(string from, string to, string field) =>
        Assert.Equal(field, Assert.Throws<ModelException>(() => ReportPeriod.Parse(from, to)).Field);

    [Fact]
    public void Period_Previous_IsTheSameLengthJustBefore()
    {
        var period = ReportPeriod.Parse("2025-03", "2025-08");

        Assert.Equal(("2024-09", "2025-02"), (period.Previous.From.ToString(), period.Previous.To.ToString()));
        Assert.Equal(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void Apply_AnyCounts_NoValueFromOneToFourAndNoHiddenPartReadableFromTheTotal()
    {
        Gen.Int[0, 12].Array[1, 6].Sample(counts =>
        {
            var figures = new List<Figure> { new("k", null, counts.Sum(), null, true) };
            figures.AddRange(counts.Select((c, i) => new Figure("k", "O" + i, c, null, true)));
            var shown = Suppression.Apply(figures);
            var parts = shown.Skip(1).ToList();
            var hidden = parts.Select((p, i) => (p, i)).Where(x => x.p.Value is null).Select(x => counts[x.i]).ToList();
            return shown.All(v => v.Value is null or 0 or >= 5)
                && (hidden.Count == 0 || shown[0].Value is null || (hidden.Count >= 2 && hidden.Sum() >= 9) || hidden.All(h => h == 0)
                    // Every non-zero part hidden: the total bounds their sum, not any one of them.
                    || (hidden.Count >= 2 && parts.All(p => p.Value is null or 0)));
        }, iter: 5_000);
    }
}
