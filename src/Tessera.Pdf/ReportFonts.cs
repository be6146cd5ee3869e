using PdfSharp.Fonts;

namespace Tessera.Pdf;

/// <summary>The fonts of Tessera's PDF reports: DejaVu Sans (Debian's fonts-dejavu-core), read from
/// <c>TESSERA_FONTS</c> or <c>/usr/share/fonts/truetype/dejavu</c>.</summary>
/// <remarks>PDFsharp finds no system fonts on Linux by itself; it asks this resolver for every face. DejaVu covers Latin,
/// Greek and Cyrillic, the scripts of the organisations' names.</remarks>
internal sealed class ReportFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _installed;

    private readonly string _folder = Environment.GetEnvironmentVariable("TESSERA_FONTS") is { Length: > 0 } f ? f : "/usr/share/fonts/truetype/dejavu";

    /// <summary>Makes this resolver PDFsharp's, once per process.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new ReportFonts();
                _installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(_folder, faceName + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"the PDF report needs the font {path} (Debian package fonts-dejavu-core, or set TESSERA_FONTS)", path);
    }
}
