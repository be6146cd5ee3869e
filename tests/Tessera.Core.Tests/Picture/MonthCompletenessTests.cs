using Tessera.Core.Picture;

namespace Tessera.Core.Tests.Picture;

public sealed class MonthCompletenessTests
{
    private static DetectionCount D(string month, long count) =>
        new(YearMonth.Parse(month), "Central Mediterranean", "Sea", "Tunisia", count, PictureSources.Frontex);

    [Fact]
    public void Of_VintageThreeDaysAfterTheLastMonth_MarksThatMonthIncomplete()
    {
        var c = MonthCompleteness.Of([D("2025-03", 900), D("2025-04", 800), D("2025-05", 120)], "2025-06-03");

        Assert.Equal(YearMonth.Parse("2025-04"), c.LatestComplete);
        Assert.Equal([YearMonth.Parse("2025-05")], c.Incomplete);
        Assert.True(c.IsIncomplete(YearMonth.Parse("2025-05")));
        Assert.False(c.IsIncomplete(YearMonth.Parse("2025-04")));
    }

    [Fact]
    public void Of_TrailingMonthWithZerosOnly_IsIncompleteEvenWithoutVintage()
    {
        var c = MonthCompleteness.Of([D("2025-03", 900), D("2025-04", 800), D("2025-05", 0)], null);

        Assert.Equal(YearMonth.Parse("2025-04"), c.LatestComplete);
        Assert.Equal([YearMonth.Parse("2025-05")], c.Incomplete);
    }

    [Fact]
    public void Of_VintageWellAfterTheLastMonth_HasNoIncompleteMonth()
    {
        var c = MonthCompleteness.Of([D("2025-03", 900), D("2025-04", 800)], "2025-06-03");

        Assert.Equal(YearMonth.Parse("2025-04"), c.LatestComplete);
        Assert.Empty(c.Incomplete);
    }

    [Fact]
    public void Of_NoData_HasNoCompleteMonth()
    {
        var c = MonthCompleteness.Of([], "2025-06-03");

        Assert.Null(c.LatestComplete);
        Assert.True(c.IsIncomplete(YearMonth.Parse("2020-01")));
    }
}
