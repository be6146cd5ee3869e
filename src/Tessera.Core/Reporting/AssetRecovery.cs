namespace Tessera.Core.Reporting;

/// <summary>The asset-recovery indicators of action III.3 (assets identified, frozen, seized, confiscated; count and EUR value):
/// the one place where they enter the report.</summary>
/// <remarks>Tessera's asset register is not wired yet, so every figure is null and the methodology says "not yet available"
/// (<see cref="IndicatorDefinition.Available"/>). Wiring it means computing these figures here from the register, per
/// organisation and period, and setting <c>Available</c> in <see cref="IndicatorCatalogue"/>.</remarks>
public static class AssetRecovery
{
    /// <summary>The stages of asset recovery, in order (Directive (EU) 2024/1260).</summary>
    public static IReadOnlyList<string> Stages { get; } = ["identified", "frozen", "seized", "confiscated"];

    /// <summary>The figures of the period: EU-wide, count and EUR value per stage; null until the register is wired.</summary>
    public static IEnumerable<Figure> Figures(ReportPeriod period)
    {
        _ = period;
        foreach (var stage in Stages)
        {
            yield return new Figure("assets." + stage, null, null, null, IsCount: true);
            yield return new Figure("assets." + stage + ":eur", null, null, null, IsCount: false);
        }
    }
}
