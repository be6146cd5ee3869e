namespace Tessera.Core.Money;

/// <summary>The laundering patterns Tessera detects, after the typologies of IBM's AMLSim/AMLworld plus structuring.</summary>
internal enum PatternKind
{
    FanIn,
    FanOut,
    Cycle,
    ScatterGather,
    GatherScatter,
    Stack,
    Structuring,
}

/// <summary>The names used in files and on the API: <c>fan-in</c>, <c>fan-out</c>, <c>cycle</c>, <c>scatter-gather</c>,
/// <c>gather-scatter</c>, <c>stack</c>, <c>structuring</c>.</summary>
internal static class PatternNames
{
    public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<PatternKind>().Select(Name)];

    public static string Name(PatternKind kind) => kind switch
    {
        PatternKind.FanIn => "fan-in",
        PatternKind.FanOut => "fan-out",
        PatternKind.Cycle => "cycle",
        PatternKind.ScatterGather => "scatter-gather",
        PatternKind.GatherScatter => "gather-scatter",
        PatternKind.Stack => "stack",
        _ => "structuring",
    };

    public static PatternKind? Parse(string name) => Enum.GetValues<PatternKind>().Cast<PatternKind?>().FirstOrDefault(k => Name(k!.Value) == name);
}

/// <summary>One detected pattern: its kind, the accounts and transactions taking part, the EUR total moved and a score
/// in [0, 1] (how strongly the evidence fits the pattern; see <see cref="PatternDetector"/> for each formula).</summary>
internal sealed record DetectedPattern(PatternKind Kind, IReadOnlyList<int> Accounts, IReadOnlyList<int> Transactions, double AmountEur, double Score)
{
    public string Name => PatternNames.Name(Kind);
}

/// <summary>Settings of the detectors. The defaults were fixed on the training seed of the pattern benchmark
/// (docs/performance.md, "Money") and are reported on held-out seeds.</summary>
/// <param name="FanWindowDays">Fan-in and fan-out: the window in which the counterparties are counted.</param>
/// <param name="MinFanDegree">Fan-in and fan-out: the least number of distinct new counterparties.</param>
/// <param name="MinNewShare">Share of the counterparties in the window with no other tie to the account in the data
/// (payroll and regular suppliers recur; laundering counterparties do not).</param>
/// <param name="MinFanTotalEur">Fan-in and fan-out: the least EUR total of the fan (materiality: a collection among
/// friends for a present is a burst of new senders too).</param>
/// <param name="MinBurst">How many times its own average rate the account must reach in the window (a shop's steady
/// stream of customers is not a burst).</param>
/// <param name="PassWindowDays">Cycle, scatter-gather, gather-scatter, stack: the time over which money passes on.</param>
/// <param name="MinPassRatio">Least share of an incoming amount that an onward transfer carries (fees are deducted).</param>
/// <param name="MaxCycleHops">Longest cycle searched.</param>
/// <param name="MinCycleHops">Shortest cycle reported (2-cycles are mostly refunds).</param>
/// <param name="MinScatterDegree">Scatter-gather: the least number of intermediaries between source and sink.</param>
/// <param name="MinGatherScatterDegree">Gather-scatter: the least number of senders and of receivers around the hub.</param>
/// <param name="ReportingThresholdEur">Structuring: the reporting threshold (EUR 10,000, AMLD cash declarations).</param>
/// <param name="StructuringBand">Structuring: the share of the threshold from which an amount counts as "just under".</param>
/// <param name="StructuringWindowDays">Structuring: the window in which the transfers are counted.</param>
/// <param name="MinStructuringCount">Structuring: the least number of transfers just under the threshold.</param>
/// <param name="MinStructuringShare">Structuring: the least share of the account's transfers (in that direction, over the
/// same days) that lie just under the threshold.</param>
internal sealed record PatternOptions(
    double FanWindowDays = 4,
    int MinFanDegree = 5,
    double MinNewShare = 0.8,
    double MinFanTotalEur = 10_000,
    double MinBurst = 5,
    double PassWindowDays = 6,
    double MinPassRatio = 0.7,
    int MaxCycleHops = 10,
    int MinCycleHops = 3,
    int MinScatterDegree = 3,
    int MinGatherScatterDegree = 4,
    double ReportingThresholdEur = 10_000,
    double StructuringBand = 0.85,
    double StructuringWindowDays = 10,
    int MinStructuringCount = 3,
    double MinStructuringShare = 0.6);
