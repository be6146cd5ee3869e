using System.Globalization;
using System.Net;
using System.Text;

namespace Tessera.Core.Picture;

/// <summary>A small SVG renderer for report charts: monthly detections as bars, the same months a year earlier as a line.</summary>
/// <remarks>No native dependencies; every bar and point carries its number in a <c>title</c> element, and
/// <see cref="Csv"/> gives the numbers behind the chart.</remarks>
public static class SvgChart
{
    private const int Width = 880;
    private const int Height = 420;
    private const int Left = 80;
    private const int Right = 20;
    private const int Top = 50;
    private const int Bottom = 90;

    private static readonly double[] StepFactors = [1.0, 2.0, 5.0, 10.0];

    /// <summary>The chart of a summary's months.</summary>
    public static string MonthlyBars(PictureSummary summary, string title)
    {
        var months = summary.Months;
        var max = Math.Max(1, months.Max(m => Math.Max(m.Count ?? 0, m.PreviousYear ?? 0)));
        var step = NiceStep(max / 5.0);
        var top = Math.Ceiling(max / step) * step;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var slot = (double)plotW / Math.Max(1, months.Count);
        double Y(double v) => Top + plotH - (v / top * plotH);

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Inv($"<title>{Esc(title)}</title>\n<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Inv($"<text x=\"{Left}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{Esc(title)}</text>\n"));
        for (var v = 0.0; v <= top + (step / 2); v += step)
        {
            svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#ddd\"/>"));
            svg.Append(Inv($"<text x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{v:N0}</text>\n"));
        }

        var every = Math.Max(1, (int)Math.Ceiling(months.Count / 24.0));
        var line = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = Left + (i * slot);
            if (m.Count is { } c)
            {
                svg.Append(Inv($"<rect x=\"{x + (slot * 0.15):0.#}\" y=\"{Y(c):0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{Top + plotH - Y(c):0.#}\" fill=\"#2b6cb0\"><title>{m.Month}: {c:N0}</title></rect>\n"));
            }

            if (m.PreviousYear is { } p)
            {
                line.Add(Inv($"{x + (slot / 2):0.#},{Y(p):0.#}"));
                svg.Append(Inv($"<circle cx=\"{x + (slot / 2):0.#}\" cy=\"{Y(p):0.#}\" r=\"3\" fill=\"#dd6b20\"><title>{m.Month.AddYears(-1)}: {p:N0}</title></circle>\n"));
            }

            if (i % every == 0)
            {
                svg.Append(Inv($"<text x=\"{x + (slot / 2):0.#}\" y=\"{Top + plotH + 16}\" text-anchor=\"end\" transform=\"rotate(-45 {x + (slot / 2):0.#} {Top + plotH + 16})\">{m.Month}</text>\n"));
            }
        }

        if (line.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"#dd6b20\" stroke-width=\"2\" points=\"").Append(string.Join(' ', line)).Append("\"/>\n");
        }

        svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotH}\" y2=\"{Top + plotH}\" stroke=\"#333\"/>\n"));
        var ly = Height - 30;
        svg.Append(Inv($"<rect x=\"{Left}\" y=\"{ly - 10}\" width=\"12\" height=\"12\" fill=\"#2b6cb0\"/><text x=\"{Left + 18}\" y=\"{ly}\">{summary.From}–{summary.To}: {Total(summary.Total)}</text>\n"));
        svg.Append(Inv($"<circle cx=\"{Left + 306}\" cy=\"{ly - 4}\" r=\"4\" fill=\"#dd6b20\"/><text x=\"{Left + 316}\" y=\"{ly}\">a year earlier: {Total(summary.PreviousTotal)} ({Change(summary.Change)})</text>\n"));
        svg.Append(Inv($"<text x=\"{Left}\" y=\"{Height - 8}\" fill=\"#666\" font-size=\"10\">{Esc(summary.Credit)}</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The numbers behind <see cref="MonthlyBars"/>: <c>month,detections,previous_year</c>.</summary>
    public static string Csv(PictureSummary summary)
    {
        var csv = new StringBuilder("month,detections,previous_year\n");
        foreach (var m in summary.Months)
        {
            csv.Append(Inv($"{m.Month},{m.Count?.ToString(CultureInfo.InvariantCulture) ?? "<5"},{m.PreviousYear?.ToString(CultureInfo.InvariantCulture) ?? "<5"}\n"));
        }

        return csv.ToString();
    }

    /// <summary>1, 2 or 5 × a power of ten, at least <paramref name="raw"/>.</summary>
    internal static double NiceStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1))));
        return StepFactors.Select(f => f * power).First(s => s >= raw);
    }

    private static string Total(long? n) => n?.ToString("N0", CultureInfo.InvariantCulture) ?? "<5";

    private static string Change(double? c) => c?.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
