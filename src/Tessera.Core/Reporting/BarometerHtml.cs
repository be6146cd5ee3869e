using System.Globalization;
using System.Net;
using System.Text;

namespace Tessera.Core.Reporting;

/// <summary>The Barometer+ report as one self-contained HTML page: chapters in the note's order, each action with every
/// organisation's status and the indicators that measure it (chart and table), and the methodology appendix.</summary>
/// <remarks>The page holds no script and no outside resource, and nothing from the clock: the same report gives the same bytes.</remarks>
public static class BarometerHtml
{
    /// <summary>The chapters of the note, in order.</summary>
    public static IReadOnlyList<(string Section, string Title)> Chapters { get; } =
    [
        ("I", "Chapter I — Information sharing, the joint picture and systematic checks"),
        ("II", "Chapter II — Partner countries along the routes"),
        ("III", "Chapter III — Investigations, hit follow-up, the money and the borders"),
        ("IV", "Chapter IV — Resources and funding"),
        ("closing", "Closing part — Reporting"),
    ];

    /// <summary>Writes <paramref name="report"/> as HTML.</summary>
    public static string Write(BarometerReport report)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<title>Schengen Barometer+ — ").Append(Esc(report.Period.ToString())).Append("</title>\n");
        h.Append("<style>body{font-family:sans-serif;color:#1a202c;background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}" +
                 "table{border-collapse:collapse;margin:0.5rem 0 1rem}th,td{border:1px solid #a0aec0;padding:0.2rem 0.5rem;text-align:left}" +
                 "td.n{text-align:right}figure{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;margin:0.5rem 0}" +
                 "h2{border-bottom:2px solid #2b6cb0;padding-bottom:0.2rem}.muted{color:#4a5568}</style>\n</head>\n<body>\n<main>\n");
        h.Append("<h1>Schengen Barometer+</h1>\n");
        h.Append(Inv($"<p>Period: <strong>{Esc(report.Period.ToString())}</strong>; compared with {Esc(report.Period.Previous.ToString())}. "));
        h.Append(Inv($"Data up to {report.DataUpTo:yyyy-MM-dd HH:mm} UTC. Counts from 1 to {report.Threshold - 1} are suppressed. "));
        h.Append("Computed by Tessera from the data the organisations shared; aggregates only, no personal data.</p>\n");
        h.Append("<p>The actions are those of Council note 13901/23; each text is a summary. The indicators are defined in the methodology appendix.</p>\n");

        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (section, title) in Chapters)
        {
            h.Append("<section>\n<h2 id=\"chapter-").Append(Esc(section)).Append("\">").Append(Esc(title)).Append("</h2>\n");
            foreach (var action in BarometerActions.All.Where(a => a.Section == section))
            {
                Action(h, report, action, shown);
            }

            h.Append("</section>\n");
        }

        Methodology(h, report);
        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Action(StringBuilder h, BarometerReport report, BarometerAction action, HashSet<string> shown)
    {
        h.Append("<h3 id=\"action-").Append(Esc(action.Id)).Append("\">").Append(Esc(action.Id + " " + action.Title)).Append("</h3>\n");
        h.Append("<p>").Append(Esc(action.Text)).Append("</p>\n<p class=\"muted\">By ").Append(Esc(string.Join(", ", action.Actors)))
            .Append(" to ").Append(Esc(string.Join(", ", action.Addressees))).Append("; ").Append(Esc(action.Cadence)).Append(".</p>\n");
        h.Append("<table>\n<caption>Status of action ").Append(Esc(action.Id)).Append("</caption>\n<thead><tr><th scope=\"col\">Organisation</th><th scope=\"col\">Status</th><th scope=\"col\">Since</th><th scope=\"col\">Evidence</th></tr></thead>\n<tbody>\n");
        foreach (var p in report.Actions.Where(a => a.ActionId == action.Id))
        {
            var since = p.SetBy.Length == 0 ? "–" : p.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            h.Append("<tr><td>").Append(Esc(p.Organisation)).Append("</td><td>").Append(BarometerActions.Name(p.Status)).Append("</td><td>")
                .Append(since).Append("</td><td>").Append(Esc(p.Evidence.Count == 0 ? "–" : string.Join(", ", p.Evidence))).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        foreach (var family in action.Indicators.Where(shown.Add))
        {
            Indicator(h, report, IndicatorCatalogue.Of(family));
        }
    }

    private static void Indicator(StringBuilder h, BarometerReport report, IndicatorDefinition d)
    {
        h.Append("<h4>").Append(Esc(d.Title)).Append("</h4>\n");
        if (!d.Available)
        {
            h.Append("<p>Not yet available: Tessera does not hold these figures yet (see the methodology).</p>\n");
            return;
        }

        var (parts, lines) = Lines(report, d.Key);
        if (lines.Count == 0)
        {
            h.Append("<p>No figures in this period.</p>\n");
            return;
        }

        h.Append("<figure>\n").Append(IndicatorChart.Bars(d.Title, lines, d.Unit));
        h.Append("<table>\n<caption>").Append(Esc(d.Title)).Append(" (").Append(Esc(d.Unit)).Append(")</caption>\n<thead><tr><th scope=\"col\">")
            .Append(parts ? "Part" : "Organisation").Append("</th><th scope=\"col\">Period</th><th scope=\"col\">Previous</th><th scope=\"col\">Change %</th></tr></thead>\n<tbody>\n");
        foreach (var (label, value, previous) in lines)
        {
            var change = new IndicatorValue(d.Key, null, value, previous).ChangePercent;
            h.Append("<tr><td>").Append(Esc(label)).Append("</td><td class=\"n\">").Append(Cell(value)).Append("</td><td class=\"n\">").Append(Cell(previous))
                .Append("</td><td class=\"n\">").Append(change is null ? "–" : BarometerReport.Format(change)).Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n</figure>\n");
    }

    /// <summary>The lines of the chart of the indicator family <paramref name="key"/>: one per part (system, route) of the
    /// EU-wide figure when the family has parts, else one per organisation and the EU-wide total.</summary>
    /// <remarks>The report, the Reports page and any other view draw the same lines from this one place.</remarks>
    public static (bool Parts, IReadOnlyList<(string Label, double? Value, double? Previous)> Lines) Lines(BarometerReport report, string key)
    {
        var values = report.Indicators.Where(i => i.Key == key || i.Key.StartsWith(key + ":", StringComparison.Ordinal)).ToList();
        var parts = values.Any(v => v.Key != key);
        var lines = parts
            ? values.Where(v => v.Organisation is null).Select(v => (Part(v.Key), v.Value, v.Previous)).ToList()
            : values.Select(v => (v.Organisation ?? "EU-wide", v.Value, v.Previous)).ToList();
        return (parts, lines);
    }

    private static void Methodology(StringBuilder h, BarometerReport report)
    {
        h.Append("<section>\n<h2 id=\"methodology\">Appendix — Methodology</h2>\n");
        h.Append(Inv($"<p>The period runs from the first day of {report.Period.From} to the last day of {report.Period.To} (UTC); the previous period is the same number of months just before it. "));
        h.Append(Inv($"Counts from 1 to {report.Threshold - 1} are suppressed, and where an organisation's count is part of a total shown beside it, the next smallest counts are suppressed too, until the hidden counts add up to at least {(2 * report.Threshold) - 1} (complementary suppression). "));
        h.Append("Rates and medians are not shown when fewer records than the threshold stand behind them. \"Suppressed\" and \"–\" never mean zero.</p>\n<dl>\n");
        foreach (var d in IndicatorCatalogue.All)
        {
            h.Append("<dt><strong>").Append(Esc(d.Title)).Append("</strong> <code>").Append(Esc(d.Key)).Append("</code> (").Append(Esc(d.Unit))
                .Append("; action ").Append(Esc(d.Chapter)).Append(")</dt>\n<dd>").Append(Esc(d.Method)).Append("</dd>\n");
        }

        h.Append("</dl>\n</section>\n");
    }

    private static string Part(string key) => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Cell(double? v) => v is null ? "suppressed" : BarometerReport.Format(v);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
