using CsCheck;
using Tessera.Core.Picture;

namespace Tessera.Core.Tests.Picture;

/// <summary>Small-count suppression: no hidden count can be recovered by subtracting the visible parts from a visible total.</summary>
public sealed class SmallCountsTests
{
    private static DetectionCount D(int year, int month, string route, string nationality, long count) =>
        new(new YearMonth(year, month), route, "Sea", nationality, count, PictureSources.Frontex);

    [Fact]
    public void Hidden_OneSmallPartOfAVisibleTotal_HidesTheSmallestOtherPartToo()
    {
        var hidden = SmallCounts.Hidden([240, 3, 0, 17], 5);

        Assert.Equal([false, true, false, true], hidden);
    }

    [Fact]
    public void Hidden_TwoSmallPartsWithASmallSum_HidesMoreUntilTheSumIsProtected()
    {
        // 1 + 2 = 3: a reader who knows both are below 5 would learn 1 and 2 from the total; hiding 6 leaves 9 in three cells.
        var hidden = SmallCounts.Hidden([1, 2, 6, 50], 5);

        Assert.Equal([true, true, true, false], hidden);
    }

    [Fact]
    public void Hidden_NotAdditive_HidesOnlyTheSmallCells()
    {
        Assert.Equal([false, true, false], SmallCounts.Hidden([240, 3, 17], 5, additive: false));
    }

    [Fact]
    public void Hidden_Table_ProtectsRowsAndColumns()
    {
        long?[][] table = [[3, 40, 50], [60, 70, 80], [90, 100, 110]];

        var hidden = SmallCounts.Hidden(table, 5);

        for (var r = 0; r < 3; r++)
        {
            Assert.True(Protected(table[r], hidden[r]));
            Assert.True(Protected(table.Select(row => row[r]).ToArray(), hidden.Select(row => row[r]).ToArray()));
        }
    }

    [Fact]
    public void SuppressSmallCounts_AnyTable_NoHiddenCountFollowsFromAVisibleTotal()
    {
        var gen = Gen.Select(Gen.Int[2022, 2023], Gen.Int[1, 12], Gen.Int[0, 3].Select(i => "ABCD"[i].ToString()), Gen.Int[0, 2].Select(i => "XYZ"[i].ToString()), Gen.Long[0, 30])
            .Select((y, m, r, n, c) => D(y, m, r, n, c)).Array[0, 40];
        gen.Sample(rows =>
        {
            var query = new PictureQuery(new YearMonth(2023, 1), new YearMonth(2023, 12));
            var full = PictureAnalysis.Summarise(rows, query);
            var seen = PictureAnalysis.SuppressSmallCounts(full, 5);
            return seen.Total is null
                || (Protected(full.Routes.Select(r => r.Total).ToArray(), seen.Routes.Select(r => r.Total is null).ToArray())
                    && Protected(full.Months.Select(m => m.Count).ToArray(), seen.Months.Select(m => m.Count is null).ToArray()));
        });
    }

    [Fact]
    public void Hidden_AnyTable_EveryRowAndColumnProtected()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 6]).SelectMany((rows, columns) => Gen.Long[0, 12].Array[rows * columns].Select(a => (columns, a))).Sample(t =>
        {
            var table = t.a.Chunk(t.columns).Select(row => row.Select(c => (long?)c).ToArray()).ToArray();
            var hidden = SmallCounts.Hidden(table, 5);
            return Enumerable.Range(0, table.Length).All(r => Protected(table[r], hidden[r]))
                && Enumerable.Range(0, table[0].Length).All(c => Protected(table.Select(row => row[c]).ToArray(), hidden.Select(row => row[c]).ToArray()));
        });
    }

    /// <summary>No small cell shown, and a hidden small cell is never alone nor in a hidden sum below 9 (unless all is hidden).</summary>
    private static bool Protected(long?[] cells, bool[] hidden)
    {
        var small = cells.Where((c, i) => c is > 0 and < 5 && !hidden[i]).Any();
        var hiddenCells = cells.Where((_, i) => hidden[i]).ToList();
        var everyNonZeroHidden = cells.Where((c, i) => c > 0 && !hidden[i]).Any() is false;
        var anySmallHidden = cells.Where((c, i) => c is > 0 and < 5 && hidden[i]).Any();
        return !small && (!anySmallHidden || everyNonZeroHidden || (hiddenCells.Count >= 2 && hiddenCells.Sum(c => c ?? 0) >= 9));
    }
}
