using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Tessera.Pdf;

/// <summary>Flows headings, paragraphs, tables and bar charts down A4 pages, starting a new page when one is full.</summary>
internal sealed class PageWriter(PdfDocument document)
{
    private const double Margin = 50;
    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private const double Body = 9.5;

    private static readonly XColor Ink = XColor.FromArgb(26, 32, 44);
    private static readonly XColor Bar = XColor.FromArgb(43, 108, 176);
    private static readonly XColor Before = XColor.FromArgb(156, 66, 33);

    private XGraphics? _gfx;
    private double _y;
    private int _pages;

    private const double Width = PageWidth - (2 * Margin);

    public void Heading(string text, double size)
    {
        Room(size * 3);
        _y += size * 0.6;
        Paragraph(text, bold: true, size: size);
    }

    public void Paragraph(string text, bool bold = false, double size = Body, double indent = 0)
    {
        var font = new XFont(ReportFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        foreach (var line in Wrap(text, font, Width - indent))
        {
            Room(size * 1.4);
            Gfx.DrawString(line, font, new XSolidBrush(Ink), Margin + indent, _y + size);
            _y += size * 1.4;
        }

        _y += size * 0.4;
    }

    public void Table(string[] header, IReadOnlyList<string[]> rows)
    {
        var font = new XFont(ReportFonts.Family, Body, XFontStyleEx.Regular);
        var bold = new XFont(ReportFonts.Family, Body, XFontStyleEx.Bold);
        var column = Width / header.Length;
        var pen = new XPen(XColor.FromArgb(160, 174, 192), 0.5);
        void Row(string[] cells, XFont f)
        {
            Room(Body * 1.8);
            for (var i = 0; i < cells.Length; i++)
            {
                Gfx.DrawRectangle(pen, Margin + (i * column), _y, column, Body * 1.8);
                Gfx.DrawString(Fit(cells[i], f, column - 6), f, new XSolidBrush(Ink), Margin + (i * column) + 3, _y + (Body * 1.3));
            }

            _y += Body * 1.8;
        }

        Row(header, bold);
        foreach (var r in rows)
        {
            Row(r, font);
        }

        _y += Body;
    }

    /// <summary>A bar per line for the period and a thin one for the previous period, each number written beside its bar.</summary>
    public void Bars(IReadOnlyList<(string Label, double? Value, double? Previous)> lines, string unit)
    {
        var font = new XFont(ReportFonts.Family, Body, XFontStyleEx.Regular);
        // A negative figure (a fall in percent) draws no bar; its number still stands beside the axis.
        var max = Math.Max(1, lines.Max(l => Math.Max(Math.Abs(l.Value ?? 0), Math.Abs(l.Previous ?? 0))));
        const double label = 110;
        var plot = Width - label - 150;
        foreach (var (name, value, previous) in lines)
        {
            Room(20);
            Gfx.DrawString(Fit(name, font, label - 6), font, new XSolidBrush(Ink), Margin, _y + 11);
            if (value is { } v && v > 0)
            {
                Gfx.DrawRectangle(new XSolidBrush(Bar), Margin + label, _y + 2, Math.Max(1, v / max * plot), 10);
            }

            if (previous is { } p && p > 0)
            {
                Gfx.DrawRectangle(new XSolidBrush(Before), Margin + label, _y + 13, Math.Max(1, p / max * plot), 4);
            }

            var text = (value is { } a ? Number(a) : "suppressed") + " (before: " + (previous is { } b ? Number(b) : "–") + ")";
            Gfx.DrawString(text, font, new XSolidBrush(Ink), Margin + label + (Math.Max(0, value ?? 0) / max * plot) + 6, _y + 11);
            _y += 20;
        }

        Paragraph("Blue: this period (" + unit + "); brown: the previous period.", size: 8);
    }

    public void Finish() => _gfx?.Dispose();

    private XGraphics Gfx => _gfx ?? NewPage();

    private void Room(double height)
    {
        if (_gfx is null || _y + height > PageHeight - Margin)
        {
            NewPage();
        }
    }

    private XGraphics NewPage()
    {
        _gfx?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _pages++;
        var small = new XFont(ReportFonts.Family, 7.5, XFontStyleEx.Regular);
        _gfx.DrawString("Schengen Barometer+ — page " + _pages.ToString(CultureInfo.InvariantCulture), small, new XSolidBrush(Ink), Margin, PageHeight - 25);
        _y = Margin;
        return _gfx;
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Gfx.MeasureString(next, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = next;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private string Fit(string text, XFont font, double width)
    {
        while (text.Length > 1 && Gfx.MeasureString(text, font).Width > width)
        {
            text = text[..^2] + "…";
        }

        return text;
    }

    private static string Number(double v) => v.ToString(Math.Abs(v - Math.Round(v)) < 1e-9 ? "N0" : "N1", CultureInfo.InvariantCulture);
}
