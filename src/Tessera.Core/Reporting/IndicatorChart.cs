using System.Globalization;
using System.Net;
using System.Text;

namespace Tessera.Core.Reporting;

/// <summary>Horizontal bar charts of an indicator, drawn as SVG by Tessera: one bar per line (organisation, system or route)
/// for the period, a thin bar for the previous period, and each number written beside its bar.</summary>
/// <remarks>A suppressed value is drawn as no bar with the word "suppressed", never as zero.</remarks>
public static class IndicatorChart
{
    private const int Plot = 340;
    private const int MinLabel = 150;
    private const double CharWidth = 6.6;
    private const int Row = 30;
    private const int NumberSpace = 150;

    /// <summary>The chart of <paramref name="lines"/>: label, value and previous value of each.</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double? Value, double? Previous)> lines, string unit)
    {
        // A negative figure (a fall in percent) draws no bar; its number still stands beside the axis.
        var max = Math.Max(1, lines.Max(l => Math.Max(Math.Abs(l.Value ?? 0), Math.Abs(l.Previous ?? 0))));
        // The label column is as wide as the longest label (about 6.6 px a character at 12 px sans-serif), so that a long
        // route name is not cut at the chart's left edge.
        var labelWidth = Math.Max(MinLabel, (int)Math.Ceiling(12 + (lines.Max(l => l.Label.Length) * CharWidth)));
        var width = labelWidth + Plot + NumberSpace;
        var plot = Plot;
        var height = 40 + (lines.Count * Row) + 30;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Inv($"<title>{Esc(title)}</title>\n<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Inv($"<text x=\"4\" y=\"18\" font-size=\"14\" font-weight=\"bold\" fill=\"#1a202c\">{Esc(title)}</text>\n"));
        for (var i = 0; i < lines.Count; i++)
        {
            var (label, value, previous) = lines[i];
            var y = 32 + (i * Row);
            svg.Append(Inv($"<text x=\"{labelWidth - 6}\" y=\"{y + 14}\" text-anchor=\"end\" fill=\"#1a202c\">{Esc(label)}</text>\n"));
            if (value is { } v && v > 0)
            {
                svg.Append(Inv($"<rect x=\"{labelWidth}\" y=\"{y + 2}\" width=\"{Math.Max(1, v / max * plot):0.#}\" height=\"14\" fill=\"#2b6cb0\"><title>{Esc(label)}: {Number(v)}</title></rect>\n"));
            }

            if (previous is { } p && p > 0)
            {
                svg.Append(Inv($"<rect x=\"{labelWidth}\" y=\"{y + 18}\" width=\"{Math.Max(1, p / max * plot):0.#}\" height=\"5\" fill=\"#9c4221\"><title>{Esc(label)}, previous period: {Number(p)}</title></rect>\n"));
            }

            var text = (value is { } a ? Number(a) : "suppressed") + " (before: " + (previous is { } b ? Number(b) : "–") + ")";
            var x = labelWidth + (Math.Max(0, value ?? 0) / max * plot) + 6;
            svg.Append(Inv($"<text x=\"{x:0.#}\" y=\"{y + 14}\" fill=\"#1a202c\">{Esc(text)}</text>\n"));
        }

        var legend = height - 12;
        svg.Append(Inv($"<rect x=\"4\" y=\"{legend - 10}\" width=\"12\" height=\"12\" fill=\"#2b6cb0\"/><text x=\"20\" y=\"{legend}\" fill=\"#1a202c\">this period ({Esc(unit)})</text>\n"));
        svg.Append(Inv($"<rect x=\"180\" y=\"{legend - 6}\" width=\"12\" height=\"5\" fill=\"#9c4221\"/><text x=\"196\" y=\"{legend}\" fill=\"#1a202c\">previous period</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Number(double v) => v.ToString(Math.Abs(v - Math.Round(v)) < 1e-9 ? "N0" : "N1", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
