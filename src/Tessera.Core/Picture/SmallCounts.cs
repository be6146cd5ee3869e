namespace Tessera.Core.Picture;

/// <summary>Small-count suppression with complementary cells, so that a hidden count cannot be recovered by subtraction.</summary>
/// <remarks>Primary suppression hides every count from 1 to <c>threshold − 1</c>. When such a cell is one of several parts
/// of a total that stays visible (routes of a period, months of a period, lines of a series), the total minus the visible
/// parts would give it back, so the smallest visible non-zero parts are hidden too, until at least two parts are hidden
/// and their sum is at least <c>2 × threshold − 1</c>: then any hidden small cell could be anything from 1 to
/// threshold − 1 (the classic protection-interval condition of cell suppression, Hundepool et al., <i>Statistical
/// Disclosure Control</i>, 2012, §5.2). In a table with two additive directions (lines × months) the rule is applied to
/// rows and columns in turn until nothing changes. Zeros stay visible: they disclose no person.</remarks>
public static class SmallCounts
{
    /// <summary>One count on its own (primary suppression only): null from 1 to <paramref name="threshold"/> − 1; zero and
    /// larger counts as they are. The one rule the picture, its API and the Barometer+ report share.</summary>
    public static long? Hide(long? count, int threshold) => count is > 0 && count < threshold ? null : count;

    /// <summary>Which of <paramref name="cells"/> to hide when they add up to a visible total.</summary>
    /// <param name="cells">The parts; null cells are already hidden.</param>
    /// <param name="threshold">The smallest count that may be shown.</param>
    /// <param name="additive">Whether the parts add up to a total the reader can see.</param>
    public static bool[] Hidden(IReadOnlyList<long?> cells, int threshold, bool additive = true)
    {
        var hidden = cells.Select(c => c is null || c is > 0 && c < threshold).ToArray();
        if (additive)
        {
            Complement(cells, hidden, threshold);
        }

        return hidden;
    }

    /// <summary>Which cells of a table to hide when both its rows and its columns add up to visible totals.</summary>
    /// <param name="table">Rows of cells, all of the same length.</param>
    /// <param name="threshold">The smallest count that may be shown.</param>
    public static bool[][] Hidden(IReadOnlyList<IReadOnlyList<long?>> table, int threshold)
    {
        var hidden = table.Select(row => Hidden(row, threshold, additive: false)).ToArray();
        var columns = table.Count == 0 ? 0 : table[0].Count;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var r = 0; r < table.Count; r++)
            {
                changed |= Complement(table[r], hidden[r], threshold);
            }

            for (var c = 0; c < columns; c++)
            {
                var column = table.Select(row => row[c]).ToList();
                var mask = hidden.Select(row => row[c]).ToArray();
                if (Complement(column, mask, threshold))
                {
                    changed = true;
                    for (var r = 0; r < table.Count; r++)
                    {
                        hidden[r][c] = mask[r];
                    }
                }
            }
        }

        return hidden;
    }

    /// <summary>Hides the smallest visible non-zero cells until the hidden ones are protected; whether anything changed.</summary>
    private static bool Complement(IReadOnlyList<long?> cells, bool[] hidden, int threshold)
    {
        var changed = false;
        while (true)
        {
            var count = 0;
            long sum = 0;
            var smallest = -1;
            for (var i = 0; i < cells.Count; i++)
            {
                if (hidden[i])
                {
                    count++;
                    sum += cells[i] ?? threshold;
                }
                else if (cells[i] is > 0 && (smallest < 0 || cells[i] < cells[smallest]))
                {
                    smallest = i;
                }
            }

            // Protected: nothing small is hidden, or two or more cells hide a sum no single small cell can be read from.
            if (count == 0 || (count >= 2 && sum >= (2L * threshold) - 1) || smallest < 0)
            {
                return changed;
            }

            hidden[smallest] = true;
            changed = true;
        }
    }
}
