using MudBlazor;

namespace Tessera.Web.Components.Layout;

/// <summary>Tessera's colours: calm and legible for long working days.</summary>
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
        },
    };
}
