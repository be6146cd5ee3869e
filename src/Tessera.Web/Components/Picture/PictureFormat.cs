using System.Globalization;
using MudBlazor;
using Tessera.Core.Picture;

namespace Tessera.Web.Components.Picture;

/// <summary>How the picture's pages write counts, changes and levels: in the user's culture, hidden counts as "&lt;5".</summary>
internal static class PictureFormat
{
    public static string Number(long? value) => value is { } v ? v.ToString("N0", CultureInfo.CurrentCulture) : "<5";

    /// <summary>A fraction as a percentage with one decimal, signed ("+96.8%") unless <paramref name="signed"/> is false.</summary>
    public static string Percent(double? value, bool signed = true) =>
        value is not { } v ? "–" : (signed && v > 0 ? "+" : "") + v.ToString("P1", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset time) => time.ToLocalTime().ToString("d", CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset time) => time.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

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
