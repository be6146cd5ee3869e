using System.Globalization;
using System.IO.Compression;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest.Mapping;

/// <summary>Checks an XLSX workbook before any XML parser sees it: a zip archive with at most
/// <see cref="IngestLimits.MaxXlsxEntries"/> parts that expand to at most <see cref="IngestLimits.MaxXlsxExpandedBytes"/>,
/// and no document type declaration (DTDs carry entity expansion and external entities: XXE).</summary>
/// <remarks>The declared sizes are checked first, so a zip bomb that tells the truth is refused without inflating a byte;
/// then every part is inflated through a fixed buffer, counting, so one that lies is refused at the cap. Memory stays at the
/// buffer's size whatever the archive claims.</remarks>
internal static class XlsxGuard
{
    private static readonly byte[] Doctype = "<!DOCTYPE"u8.ToArray();
    private static readonly byte[] EntityDecl = "<!ENTITY"u8.ToArray();

    /// <exception cref="ModelException">The file is not a zip archive, exceeds a cap, or declares a DTD.</exception>
    public static void Check(byte[] content, string file)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > IngestLimits.MaxXlsxEntries)
            {
                throw Refuse($"the workbook has {zip.Entries.Count:N0} parts; at most {IngestLimits.MaxXlsxEntries:N0} are read", file);
            }

            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > IngestLimits.MaxXlsxExpandedBytes)
            {
                throw Refuse($"the workbook expands to {declared / (1024.0 * 1024.0):N0} MB; at most {IngestLimits.MaxXlsxExpandedBytes / (1024 * 1024):N0} MB are read", file);
            }

            var buffer = new byte[81_920];
            long expanded = 0;
            foreach (var entry in zip.Entries)
            {
                // Markup parts are searched for a DTD; pictures and other binary parts are only counted.
                var markup = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
                    || entry.FullName.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);
                using var part = entry.Open();
                var tail = 0;
                int n;
                while ((n = part.Read(buffer, tail, buffer.Length - tail)) > 0)
                {
                    expanded += n;
                    if (expanded > IngestLimits.MaxXlsxExpandedBytes)
                    {
                        throw Refuse($"the workbook expands to more than {IngestLimits.MaxXlsxExpandedBytes / (1024 * 1024):N0} MB", file);
                    }

                    var window = buffer.AsSpan(0, tail + n);
                    if (markup && (window.IndexOf(Doctype) >= 0 || window.IndexOf(EntityDecl) >= 0))
                    {
                        throw new ModelException("the workbook declares a DTD (<!DOCTYPE or <!ENTITY in " + entry.FullName + "); XLSX parts never need one", file);
                    }

                    // Keep the last bytes so that a declaration split across two reads is still seen.
                    tail = Math.Min(window.Length, Doctype.Length - 1);
                    window[^tail..].CopyTo(buffer);
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            throw new ModelException("not an XLSX workbook (not a readable zip archive): " + ex.Message, file);
        }
    }

    private static ModelException Refuse(FormattableString message, string file) =>
        new(message.ToString(CultureInfo.InvariantCulture), file);
}
