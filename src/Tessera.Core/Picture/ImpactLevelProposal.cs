namespace Tessera.Core.Picture;

/// <summary>What a section's level proposal is based on: its route's detections, its incidents and the trend.</summary>
/// <param name="Detections">Detections on the section's route over the last three months of data.</param>
/// <param name="PreviousYear">The same three months a year earlier.</param>
/// <param name="HighIncidents">Incidents of level high in the section over the same months.</param>
/// <param name="VeryHighIncidents">Incidents of level very high in the section over the same months.</param>
/// <param name="EarlyWarning">Whether the route's early warning is raised for the latest month.</param>
/// <param name="EarlyWarningReason">The alert's own explanation (observed, expected with its interval, method), when raised.</param>
public sealed record SectionIndicators(long Detections, long PreviousYear, int Incidents, int HighIncidents, int VeryHighIncidents, bool EarlyWarning,
    string? EarlyWarningReason = null);

/// <summary>A proposed level with the reasons that led to it; a proposal only: a user with the right sets the level.</summary>
/// <param name="Indicators">The indicators the proposal was made from, when the caller keeps them (the store does).</param>
public sealed record LevelProposal(SectionImpactLevel Level, IReadOnlyList<string> Reasons, SectionIndicators? Indicators = null);

/// <summary>Proposes a section impact level from indicators (Reg. 2019/1896 Art. 34(2): risk analysis of the section).</summary>
/// <remarks>A transparent rule, derived for the product, not taken from the Regulation: high when the route's detections grow
/// by half or more at a significant volume, a very-high incident occurred, three or more high incidents, or the early warning is
/// raised; medium on +20 % growth, a monthly volume of 300, or any high incident; low otherwise. Critical is never proposed:
/// it is attributed temporarily, by decision, where the Schengen area is put at risk (Art. 34(3)(d)).</remarks>
public static class ImpactLevelProposals
{
    public static LevelProposal Propose(SectionIndicators i)
    {
        var high = new List<string>();
        var medium = new List<string>();
        var change = i.PreviousYear > 0 ? ((double)i.Detections / i.PreviousYear) - 1 : (double?)null;
        var perMonth = i.Detections / 3.0;
        var changeText = change is { } c ? c.ToString("+0%;-0%", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
        if (change >= 0.5 && perMonth >= 1000)
        {
            high.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"route detections {changeText} on a year earlier at {perMonth:0} a month"));
        }
        else if (change >= 0.2)
        {
            medium.Add($"route detections {changeText} on a year earlier");
        }

        if (perMonth >= 300 && high.Count == 0)
        {
            medium.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"route detections {perMonth:0} a month"));
        }

        if (i.VeryHighIncidents > 0)
        {
            high.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i.VeryHighIncidents} very-high-impact incidents"));
        }

        if (i.HighIncidents >= 3)
        {
            high.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i.HighIncidents} high-impact incidents"));
        }
        else if (i.HighIncidents > 0)
        {
            medium.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i.HighIncidents} high-impact incidents"));
        }

        if (i.EarlyWarning)
        {
            high.Add("early warning raised on the route (abnormal change, Impl. Reg. 2021/581 Art. 8(4)(a))"
                + (i.EarlyWarningReason is { } why ? ": " + why : ""));
        }

        return high.Count > 0 ? new LevelProposal(SectionImpactLevel.High, high)
            : medium.Count > 0 ? new LevelProposal(SectionImpactLevel.Medium, medium)
            : new LevelProposal(SectionImpactLevel.Low, ["no indicator above the medium thresholds"]);
    }
}

/// <summary>A section with its current level, the measures the level requires, and the proposal from indicators.</summary>
public sealed record SectionStatus(BorderSection Section, SectionImpactLevel Level, DateTimeOffset Since, string Reason, string SetBy,
    IReadOnlyList<string> Measures, LevelProposal? Proposal);

/// <summary>One change of a section's level, as recorded.</summary>
public sealed record LevelChange(string Section, SectionImpactLevel Level, SectionImpactLevel Previous, string Reason, string SetBy, string Organisation, DateTimeOffset Time);
