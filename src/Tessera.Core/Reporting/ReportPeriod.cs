using Tessera.Core.Model;
using Tessera.Core.Picture;

namespace Tessera.Core.Reporting;

/// <summary>The months a report covers, from the first day of <see cref="From"/> to the end of <see cref="To"/> (UTC).</summary>
public sealed record ReportPeriod(YearMonth From, YearMonth To)
{
    /// <summary>The longest period a report covers: twenty years.</summary>
    public const int MaxMonths = 240;

    /// <summary>How many months the period has.</summary>
    public int Months => To.Index - From.Index + 1;

    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset Start => new(From.Year, From.Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End
    {
        get
        {
            var next = To.AddMonths(1);
            return new(next.Year, next.Month, 1, 0, 0, 0, TimeSpan.Zero);
        }
    }

    /// <summary>The same number of months just before this period: what "change on the previous period" compares with.</summary>
    public ReportPeriod Previous => new(From.AddMonths(-Months), From.AddMonths(-1));

    /// <summary>The same months a year earlier.</summary>
    public ReportPeriod YearEarlier => new(From.AddYears(-1), To.AddYears(-1));

    /// <summary>Whether <paramref name="t"/> lies in the period.</summary>
    public bool Contains(DateTimeOffset t) => t >= Start && t < End;

    /// <summary>Parses <c>--from</c> and <c>--to</c> (<c>yyyy-MM</c>).</summary>
    /// <exception cref="ModelException">Not a month, the end before the start, or longer than <see cref="MaxMonths"/>.</exception>
    public static ReportPeriod Parse(string? from, string? to)
    {
        var f = YearMonth.TryParse(from) ?? throw new ModelException($"'{from}' is not a month (YYYY-MM)", field: "from");
        var t = YearMonth.TryParse(to) ?? throw new ModelException($"'{to}' is not a month (YYYY-MM)", field: "to");
        if (t < f)
        {
            throw new ModelException($"the period ends ({t}) before it starts ({f})", field: "to");
        }

        var period = new ReportPeriod(f, t);
        return period.Months > MaxMonths ? throw new ModelException($"a report covers at most {MaxMonths} months", field: "to") : period;
    }

    public override string ToString() => From == To ? From.ToString() : From + " to " + To;
}
