using Tessera.Core.Picture;

namespace Tessera.Core.Tests.Picture;

/// <summary>Early-warning settings chosen on 2010–2016 and scored on 2017 onwards, on Frontex's history.</summary>
public sealed class EarlyWarningTuningTests
{
    private static readonly Lazy<OutOfSampleBacktest> Backtest = new(() => EarlyWarningTuning.Run(
        DetectionFiles.Read(Datasets.Workbook).Detections, new YearMonth(2010, 1), new YearMonth(2016, 12), new YearMonth(2025, 4), new SurgeDefinition()));

    private static MethodBacktest Of(EarlyWarningMethod method) => Backtest.Value.Methods.Single(m => m.Method == method);

    [Fact]
    public void Defaults_AreTheSettingsChosenOnTheTrainingYears()
    {
        Assert.Equal(new EarlyWarningOptions().Farrington, Of(EarlyWarningMethod.Farrington).Chosen.Farrington);
        Assert.Equal(new EarlyWarningOptions().Cusum, Of(EarlyWarningMethod.Cusum).Chosen.Cusum);
        Assert.Equal(EarlyWarningMethod.Farrington, new EarlyWarningOptions().Method);
    }

    [Fact]
    public void DefaultMethod_OnYearsItWasNotTunedOn_FlagsFourFifthsOfSurgesWithAtMostTwoPercentFalseAlerts()
    {
        var test = Of(EarlyWarningMethod.Farrington).Test;

        Assert.Equal(new YearMonth(2017, 1), test.From);
        Assert.True(test.SurgeCount >= 15, $"{test.SurgeCount} surges in the test years");
        Assert.True(test.Flagged >= 0.8 * test.SurgeCount, $"{test.Flagged} of {test.SurgeCount} flagged");
        Assert.InRange(test.FalseAlertRate, 0, EarlyWarningTuning.MaxFalseAlertRate);
    }

    [Fact]
    public void RollingOrigin_ScoresEveryTestYearWithSettingsFromTheYearsBefore()
    {
        var rolling = Of(EarlyWarningMethod.Farrington).Rolling;

        Assert.Equal(Enumerable.Range(2017, 9), rolling.Choices.Select(c => c.Year));
        Assert.Equal(Of(EarlyWarningMethod.Farrington).Test.SurgeCount, rolling.Surges);
        Assert.True(rolling.Flagged >= 0.8 * rolling.Surges);
    }

    [Fact]
    public void EveryMethod_IsInTheBacktestWithItsTrainingChoice()
    {
        Assert.Equal(Enum.GetValues<EarlyWarningMethod>().Order(), Backtest.Value.Methods.Select(m => m.Method).Order());
        Assert.All(Backtest.Value.Methods, m => Assert.Equal(m.Candidates, EarlyWarningTuning.Candidates(m.Method).Count));
        Assert.All(Backtest.Value.Methods, m => Assert.Equal(new YearMonth(2016, 12), m.Train.To));
    }
}
