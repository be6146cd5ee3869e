using System.Text.Json.Serialization;

namespace Tessera.Core.Picture;

/// <summary>The impact level attributed to an external border section (Reg. (EU) 2019/1896 Art. 34).</summary>
/// <remarks>Low, medium and high, plus critical, attributed temporarily where the functioning of the Schengen area is at
/// risk (Art. 34(3)(d), recital 46). A separate scale from incident levels (<see cref="IncidentImpactLevel"/>).</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<SectionImpactLevel>))]
public enum SectionImpactLevel
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>What each section level requires (Reg. (EU) 2019/1896 Art. 35(1) and Art. 41), and parsing of level names.</summary>
public static class SectionImpactLevels
{
    public static SectionImpactLevel? TryParse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "LOW" => SectionImpactLevel.Low,
        "MEDIUM" => SectionImpactLevel.Medium,
        "HIGH" => SectionImpactLevel.High,
        "CRITICAL" => SectionImpactLevel.Critical,
        _ => null,
    };

    public static string Name(SectionImpactLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>The measures the level requires, cumulative: each level adds to those of the level below (Art. 35(1)(a)–(d)).</summary>
    public static IReadOnlyList<string> Measures(SectionImpactLevel level)
    {
        var measures = new List<string>
        {
            "Art. 35(1)(a): regular border control on the basis of risk analysis; sufficient personnel and resources kept available for the section.",
        };
        if (level >= SectionImpactLevel.Medium)
        {
            measures.Add("Art. 35(1)(b): appropriate border control measures taken at the section; the national coordination centre is notified and coordinates any support (Art. 21(3)).");
        }

        if (level >= SectionImpactLevel.High)
        {
            measures.Add("Art. 35(1)(c): the Member State ensures, through the national coordination centre, that the authorities at the section get the necessary support and that reinforced border control measures are taken; it may request Agency support (joint operation or rapid border intervention, Art. 36).");
        }

        if (level >= SectionImpactLevel.Critical)
        {
            measures.Add("Art. 35(1)(d): the Agency notifies the Commission; the executive director issues a recommendation (Art. 41(1)) to request, start or adjust joint operations, rapid border interventions or other Agency action; the Member State answers within six working days (Art. 41(2)); Art. 42 may follow. Critical is temporary.");
        }

        return measures;
    }
}
