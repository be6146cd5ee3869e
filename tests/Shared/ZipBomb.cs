using System.IO.Compression;
using System.Text;

namespace Tessera.Tests;

/// <summary>An XLSX-shaped zip bomb written on the fly (never committed): a few tens of MB that claim and expand to 2 GiB.</summary>
internal static class ZipBomb
{
    public static void Write(string path, long expandedBytes = 2L * 1024 * 1024 * 1024)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open(), new UTF8Encoding(false)))
        {
            types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        }

        // One row repeated: deflate packs it a thousand to one, as in the attack.
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>", 20_000)));
        for (long written = 0; written < expandedBytes; written += block.Length)
        {
            sheet.Write(block);
        }
    }
}
