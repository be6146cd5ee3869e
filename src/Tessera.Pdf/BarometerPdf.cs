using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tessera.Core.Reporting;

namespace Tessera.Pdf;

/// <summary>The Barometer+ report as PDF, drawn with PDFsharp: the same chapters, tables and bar charts (each number written
/// beside its bar) as the HTML report, and the methodology appendix.</summary>
/// <remarks>The document's dates are the report's data date and its identifiers a hash of the report, so the same data gives
/// the same bytes.</remarks>
public static class BarometerPdf
{
    /// <summary>Writes <paramref name="report"/> as PDF to <paramref name="output"/>.</summary>
    public static void Write(BarometerReport report, Stream output)
    {
        ReportFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = "Schengen Barometer+ " + report.Period;
        document.Info.Creator = "Tessera";
        document.Info.CreationDate = report.DataUpTo.UtcDateTime;
        document.Info.ModificationDate = report.DataUpTo.UtcDateTime;
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(report.ToJson())))[..32];
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        var page = new PageWriter(document);
        page.Heading("Schengen Barometer+", 20);
        page.Paragraph($"Period: {report.Period}; compared with {report.Period.Previous}. Data up to {report.DataUpTo.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. " +
            $"Counts from 1 to {(report.Threshold - 1).ToString(CultureInfo.InvariantCulture)} are suppressed. Computed by Tessera from the data the organisations shared; aggregates only, no personal data.");
        page.Paragraph("The actions are those of Council note 13901/23; each text is a summary. The indicators are defined in the methodology appendix.");

        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (section, title) in BarometerHtml.Chapters)
        {
            page.Heading(title, 15);
            foreach (var action in BarometerActions.All.Where(a => a.Section == section))
            {
                page.Heading(action.Id + " " + action.Title, 12);
                page.Paragraph(action.Text);
                page.Table(["Organisation", "Status", "Since", "Evidence"], [.. report.Actions.Where(a => a.ActionId == action.Id).Select(a => new[]
                {
                    a.Organisation, BarometerActions.Name(a.Status), a.SetBy.Length == 0 ? "–" : a.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    a.Evidence.Count.ToString(CultureInfo.InvariantCulture),
                })]);
                foreach (var family in action.Indicators.Where(shown.Add))
                {
                    Indicator(page, report, IndicatorCatalogue.Of(family));
                }
            }
        }

        page.Heading("Appendix — Methodology", 15);
        page.Paragraph($"The period runs from the first day of {report.Period.From} to the last day of {report.Period.To} (UTC); the previous period is the same number of months just before it. " +
            $"Counts from 1 to {(report.Threshold - 1).ToString(CultureInfo.InvariantCulture)} are suppressed, with complementary cells where a total is shown. Rates and medians are not shown when fewer records than the threshold stand behind them.");
        foreach (var d in IndicatorCatalogue.All)
        {
            page.Paragraph($"{d.Title} ({d.Key}; {d.Unit}; action {d.Chapter}): {d.Method}", bold: false, indent: 0);
        }

        page.Finish();
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        var bytes = buffer.ToArray();
        StableSubsetTags(bytes);
        StableXmpIds(bytes, id);
        output.Write(bytes);
    }

    // PDFsharp names each embedded font subset with a random six-letter tag (ISO 32000-1 §9.6.4, "ABCDEF+Name"). The tags are
    // renamed in order of first appearance (AAAAAA, AAAAAB …), same length, so that offsets hold and the same report gives
    // the same bytes.
    // The XMP metadata carries random document and instance UUIDs; both become the report's hash, same length.
    private static void StableXmpIds(byte[] pdf, string id)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var uuid = $"{id[..8]}-{id[8..12]}-{id[12..16]}-{id[16..20]}-{id[20..32]}".ToLowerInvariant();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, "uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"))
        {
            Encoding.Latin1.GetBytes(uuid, 0, 36, pdf, m.Groups[1].Index);
        }
    }

    private static void StableSubsetTags(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, "/([A-Z]{6})\\+"))
        {
            var tag = m.Groups[1].Value;
            if (!names.TryGetValue(tag, out var stable))
            {
                var n = names.Count;
                stable = new string([.. Enumerable.Range(0, 6).Select(i => (char)('A' + (n / (int)Math.Pow(26, 5 - i) % 26)))]);
                names[tag] = stable;
            }

            Encoding.Latin1.GetBytes(stable, 0, 6, pdf, m.Groups[1].Index);
        }
    }

    private static void Indicator(PageWriter page, BarometerReport report, IndicatorDefinition d)
    {
        page.Heading(d.Title, 10.5);
        if (!d.Available)
        {
            page.Paragraph("Not yet available: Tessera does not hold these figures yet (see the methodology).");
            return;
        }

        var values = report.Indicators.Where(i => i.Key == d.Key || i.Key.StartsWith(d.Key + ":", StringComparison.Ordinal)).ToList();
        var parts = values.Any(v => v.Key != d.Key);
        var lines = parts
            ? values.Where(v => v.Organisation is null).Select(v => (v.Key[(v.Key.IndexOf(':', StringComparison.Ordinal) + 1)..], v.Value, v.Previous)).ToList()
            : values.Select(v => (v.Organisation ?? "EU-wide", v.Value, v.Previous)).ToList();
        if (lines.Count == 0)
        {
            page.Paragraph("No figures in this period.");
            return;
        }

        page.Bars(lines, d.Unit);
    }
}
