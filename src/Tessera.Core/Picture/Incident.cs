using System.Text.Json.Serialization;

namespace Tessera.Core.Picture;

/// <summary>The impact level of an event or incident in a situational picture (Reg. 2019/1896 Art. 25(3); Impl. Reg. 2021/581 Art. 17).</summary>
/// <remarks>A scale of its own, not the border-section levels of Art. 34 (<see cref="SectionImpactLevel"/>).</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<IncidentImpactLevel>))]
public enum IncidentImpactLevel
{
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>An incident at or near the external border: time, place, section, category and EUROSUR impact level.</summary>
/// <param name="Category">Events-layer category, e.g. "unauthorised border crossing", "facilitation", "search and rescue", "cross-border crime".</param>
public sealed record Incident(
    string Reference,
    DateTimeOffset Time,
    double Latitude,
    double Longitude,
    string BorderSection,
    string Route,
    string Category,
    IncidentImpactLevel ImpactLevel,
    int Persons,
    string Organisation);

/// <summary>Parsing of incident impact levels as written in files (<c>low</c>, <c>medium</c>, <c>high</c>, <c>very high</c>).</summary>
public static class IncidentImpactLevels
{
    public static IncidentImpactLevel? TryParse(string text) =>
        text.Trim().ToUpperInvariant().Replace("_", " ", StringComparison.Ordinal).Replace("-", " ", StringComparison.Ordinal) switch
        {
            "LOW" => IncidentImpactLevel.Low,
            "MEDIUM" => IncidentImpactLevel.Medium,
            "HIGH" => IncidentImpactLevel.High,
            "VERY HIGH" or "VERYHIGH" => IncidentImpactLevel.VeryHigh,
            _ => null,
        };

    public static string Name(IncidentImpactLevel level) => level switch
    {
        IncidentImpactLevel.VeryHigh => "very high",
        _ => level.ToString().ToLowerInvariant(),
    };
}
