using System.Text;
using Tessera.Core.Model;
using Tessera.Core.Reporting;
using Tessera.Pdf;

namespace Tessera.Web.Reports;

/// <summary>The written forms of the Barometer+ report, chosen by a file's extension or a format name: json, html, pdf, csv.</summary>
public static class ReportFormats
{
    /// <summary>The format names, in the order they are offered.</summary>
    public static IReadOnlyList<string> Names { get; } = ["pdf", "html", "json", "csv"];

    /// <summary>The format of a file name by its extension.</summary>
    /// <exception cref="ModelException">An extension that is none of the formats.</exception>
    public static string OfFile(string path)
    {
        var ext = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return Names.Contains(ext) ? ext : throw new ModelException($"'{path}' does not end in .pdf, .html, .json or .csv", file: path, field: "out");
    }

    /// <summary>The media type of a format.</summary>
    public static string ContentType(string format) => format switch
    {
        "pdf" => "application/pdf",
        "html" => "text/html; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/json",
    };

    /// <summary>The report written in <paramref name="format"/>.</summary>
    /// <exception cref="ModelException">Not a format.</exception>
    public static byte[] Render(BarometerReport report, string format)
    {
        switch (format)
        {
            case "pdf":
                using (var buffer = new MemoryStream())
                {
                    BarometerPdf.Write(report, buffer);
                    return buffer.ToArray();
                }

            case "html":
                return Encoding.UTF8.GetBytes(BarometerHtml.Write(report));
            case "json":
                return Encoding.UTF8.GetBytes(report.ToJson());
            case "csv":
                return Encoding.UTF8.GetBytes(report.ToCsv());
            default:
                throw new ModelException($"unknown format '{format}': one of {string.Join(", ", Names)}", field: "format");
        }
    }

    /// <summary>The file name a download is offered under.</summary>
    public static string FileName(ReportPeriod period, string format) => $"barometer-{period.From}-{period.To}.{format}";
}
