using MudBlazor;
using Tessera.Core.Picture;

namespace Tessera.Web.Components.Picture;

/// <summary>How the picture's pages write counts, changes and levels: in the user's culture, hidden counts as "&lt;5".</summary>
internal static class PictureFormat
{
    public static string Number(long? value) => value is { } v ? Formats.Number(v) : "<5";

    /// <summary>A fraction as a percentage with one decimal, signed ("+96.8%") unless <paramref name="signed"/> is false.</summary>
    public static string Percent(double? value, bool signed = true) => Formats.Percent(value, signed);

    public static string Date(DateTimeOffset time) => Formats.Day(time);

    public static string DateTime(DateTimeOffset time) => Formats.DateTime(time);

    public static string Level(SectionImpactLevel level) => SectionImpactLevels.Name(level);

    // The same colours as the map's legend (map.js): low green, medium blue, high orange, critical red.
    public static Color LevelColour(SectionImpactLevel level) => level switch
    {
        SectionImpactLevel.Critical => Color.Error,
        SectionImpactLevel.High => Color.Warning,
        SectionImpactLevel.Medium => Color.Info,
        _ => Color.Success,
    };
}
