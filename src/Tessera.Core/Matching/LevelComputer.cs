namespace Tessera.Core.Matching;

/// <summary>Computes the comparison level of one attribute for a pair of records (first matching level wins).</summary>
internal static class LevelComputer
{
    /// <summary>The level of <paramref name="kind"/>; <paramref name="value"/> is the agreed value id for term frequencies, or -1.</summary>
    public static byte Level(ComparisonKind kind, FeatureTable a, int i, FeatureTable b, int j, out int value)
    {
        value = -1;
        switch (kind)
        {
            case ComparisonKind.FullName:
                return FullName(a, i, b, j, out value);
            case ComparisonKind.GivenName:
                {
                    // Packed rows (FeatureTable.Rows): the ranges of the random right-hand record in one cache line.
                    value = a.GivenValue[i];
                    ref readonly var x = ref a.Rows[i];
                    ref readonly var y = ref b.Rows[j];
                    return NameAlignment.Level(a, x.GivenStart, x.GivenLength, b, y.GivenStart, y.GivenLength, out _);
                }

            case ComparisonKind.FamilyName:
                {
                    value = a.FamilyValue[i];
                    ref readonly var x = ref a.Rows[i];
                    ref readonly var y = ref b.Rows[j];
                    return NameAlignment.Level(a, x.FamilyStart, x.FamilyLength, b, y.FamilyStart, y.FamilyLength, out _);
                }

            case ComparisonKind.BirthDate:
                {
                    var x = a.Rows[i].BirthDate;
                    var y = b.Rows[j].BirthDate;
                    return x < 0 || y < 0 ? Comparisons.Null : Date(x, a.BirthDateInvalid[i], y, b.BirthDateInvalid[j]);
                }
            case ComparisonKind.Document or ComparisonKind.Phone or ComparisonKind.Email or ComparisonKind.Iban:
                return Identifier(kind, a, i, b, j, out value);
            case ComparisonKind.PostalCode:
                return Code(a, a.PostalCode[i], b.PostalCode[j], out value);
            case ComparisonKind.Nationality or ComparisonKind.Gender or ComparisonKind.Region or ComparisonKind.Country:
                {
                    var x = a.Field(kind)[i];
                    var y = b.Field(kind)[j];
                    value = x;
                    return x < 0 || y < 0 ? Comparisons.Null : x == y ? (byte)0 : (byte)1;
                }

            default:
                {
                    var x = a.Field(kind)[i];
                    var y = b.Field(kind)[j];
                    value = x;
                    return Text(a.Vocab, x, y);
                }
        }
    }

    /// <summary>Best level over the primary name and the aliases of both records (splink#1994: best over arrays).</summary>
    /// <remarks>A whole name has no "a token agrees" level: one token shared by two long names is most often a family or a
    /// father's name that relatives and namesakes share, which only the name parts (given, family) can tell apart by role.</remarks>
    public static byte FullName(FeatureTable a, int i, FeatureTable b, int j, out int value)
    {
        var level = BestFullName(a, i, b, j, out value);
        return level == NameAlignment.TokenAgrees ? NameAlignment.Else : level;
    }

    private static byte BestFullName(FeatureTable a, int i, FeatureTable b, int j, out int value)
    {
        value = a.FullValue[i];
        ref readonly var ra = ref a.Rows[i];
        ref readonly var rb = ref b.Rows[j];
        var best = NameAlignment.Level(a, ra.FullStart, ra.FullLength, b, rb.FullStart, rb.FullLength, out _);
        if (best == 0 || (ra.AliasCount == 0 && rb.AliasCount == 0))
        {
            return best;
        }

        for (var x = -1; x < a.AliasCount[i]; x++)
        {
            var (sa, la) = x < 0 ? (a.FullStart[i], (int)a.FullLength[i]) : (a.AliasRangeStart[a.AliasFirst[i] + x], a.AliasRangeLength[a.AliasFirst[i] + x]);
            for (var y = -1; y < b.AliasCount[j]; y++)
            {
                if (x < 0 && y < 0)
                {
                    continue;
                }

                var (sb, lb) = y < 0 ? (b.FullStart[j], (int)b.FullLength[j]) : (b.AliasRangeStart[b.AliasFirst[j] + y], b.AliasRangeLength[b.AliasFirst[j] + y]);
                var level = NameAlignment.Level(a, sa, la, b, sb, lb, out _);
                if (level < best || best == Comparisons.Null)
                {
                    best = level;
                    value = -1;
                }
            }
        }

        return best;
    }

    /// <summary>Date levels: exact, exact placeholder (1 January), one edit, day/month swapped, partial agrees (a year alone, or
    /// 1 January, against a date of that year), ≤ 1 month, same year, ±1 year, year one edit (two dates that give only
    /// their years, one typed digit apart), else.</summary>
    /// <remarks>A date that gives only its year (a year alone, or 1 January, the placeholder for an unknown day and month)
    /// says nothing of a day: two such dates in different years are compared by their years alone, never as a typed
    /// digit of a full date (01/01/1976 against 01/01/1977 is two years, not one typo).</remarks>
    public static byte Date(int x, bool xInvalid, int y, bool yInvalid)
    {
        if (x < 0 || y < 0)
        {
            return Comparisons.Null;
        }

        int ya = x / 10000, ma = x / 100 % 100, da = x % 100;
        int yb = y / 10000, mb = y / 100 % 100, db = y % 100;
        var fullA = ma > 0 && da > 0;
        var fullB = mb > 0 && db > 0;
        if (x == y)
        {
            return !fullA ? (byte)4 : ma == 1 && da == 1 ? (byte)1 : (byte)0;
        }

        // 1 January is how a form is filled in when only the year is known: against another day of that year it says what a
        // year alone says (partial agrees), not that the dates differ.
        if (fullA && fullB && ya == yb && (ma == 1 && da == 1) != (mb == 1 && db == 1))
        {
            return 4;
        }

        var yearOnlyA = !fullA || (ma == 1 && da == 1);
        var yearOnlyB = !fullB || (mb == 1 && db == 1);
        if (yearOnlyA && yearOnlyB && ya != yb)
        {
            return Math.Abs(ya - yb) == 1 ? (byte)7 : OneEdit(ya, yb, 4) ? (byte)8 : (byte)9;
        }

        if (fullA && fullB && OneEdit(x, y, 8))
        {
            return 2;
        }

        if (fullA && fullB && ya == yb && ma == db && da == mb)
        {
            return 3;
        }

        if (!fullA || !fullB)
        {
            if (ya == yb && (ma == 0 || mb == 0 || ma == mb))
            {
                return 4;
            }
        }
        else if (!xInvalid && !yInvalid && Math.Abs(DayNumber(ya, ma, da) - DayNumber(yb, mb, db)) <= 31)
        {
            return 5;
        }

        return ya == yb ? (byte)6 : Math.Abs(ya - yb) == 1 ? (byte)7 : (byte)9;
    }

    private static int DayNumber(int y, int m, int d) => (y * 372) + (m * 31) + d;

    /// <summary>The last <paramref name="digits"/> digits (yyyymmdd: 8, a year: 4) differ in one place, or two neighbouring
    /// digits are swapped (Damerau-Levenshtein ≤ 1).</summary>
    private static bool OneEdit(int x, int y, int digits)
    {
        var diff = 0;
        var first = -1;
        int dx = 0, dy = 0, px = 0, py = 0;
        for (var k = 0; k < digits; k++, x /= 10, y /= 10)
        {
            (px, py) = (dx, dy);
            (dx, dy) = (x % 10, y % 10);
            if (dx != dy)
            {
                diff++;
                if (diff == 2 && (first != k - 1 || dx != py || dy != px))
                {
                    return false;
                }

                first = first < 0 ? k : first;
            }
        }

        return diff is 1 or 2;
    }

    private static byte Identifier(ComparisonKind kind, FeatureTable a, int i, FeatureTable b, int j, out int value)
    {
        value = -1;
        var slot = FeatureTable.IdentifierSlot(kind);
        var ca = a.Identifiers[slot];
        var cb = b.Identifiers[slot];
        int la = ca.Length[i], lb = cb.Length[j];
        if (la == 0 || lb == 0)
        {
            return Comparisons.Null;
        }

        var oneEdit = false;
        for (var x = 0; x < la; x++)
        {
            var va = ca.Values[ca.Start[i] + x];
            for (var y = 0; y < lb; y++)
            {
                var vb = cb.Values[cb.Start[j] + y];
                if (va == vb)
                {
                    value = va;
                    return 0;
                }

                // OCR and typing slips on document numbers and IBANs (one edit); an e-mail address copied by hand from a form
                // slips in several letters (robert255 / roberta25), so a close one is not a contradiction; phones must agree.
                oneEdit |= kind switch
                {
                    ComparisonKind.Document or ComparisonKind.Iban => JaroWinkler.WithinOneEdit(a.Vocab.Text(va), b.Vocab.Text(vb)),
                    ComparisonKind.Email => JaroWinkler.Similarity(a.Vocab.Text(va), b.Vocab.Text(vb)) >= 0.88,
                    _ => false,
                };
            }
        }

        return oneEdit ? (byte)1 : (byte)2;
    }

    private static byte Code(FeatureTable a, int x, int y, out int value)
    {
        value = x;
        if (x < 0 || y < 0)
        {
            return Comparisons.Null;
        }

        return x == y ? (byte)0 : JaroWinkler.WithinOneEdit(a.Vocab.Text(x), a.Vocab.Text(y)) ? (byte)1 : (byte)2;
    }

    private static byte Text(Vocabulary vocab, int x, int y)
    {
        if (x < 0 || y < 0)
        {
            return Comparisons.Null;
        }

        if (x == y)
        {
            return 0;
        }

        // Bigram Dice from precomputed 128-bit signatures: a few instructions instead of a string comparison.
        var s = vocab.Dice(x, y);
        return s >= 0.80f ? (byte)1 : s >= 0.60f ? (byte)2 : (byte)3;
    }
}
