using System.IO.Compression;
using System.Text;
using Tessera.Core.Ingest;
using Tessera.Core.Ingest.Indicators;
using Tessera.Core.Ingest.Mapping;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;
using Tessera.Core.Normalisation.Names;
using Tessera.Fuzz.Engine;

namespace Tessera.Fuzz;

/// <summary>Every parser that reads what a provider sends: the table and FollowTheMoney readers and the mapping throw only
/// <see cref="ModelException"/>; the normalisers never throw (a bad value is a result).</summary>
internal static class Targets
{
    private static readonly NormalisationContext Italy = new("IT");

    // Tunisia has no trunk prefix, so national numbers of any leading digit reach the phone scan.
    private static readonly NormalisationContext Tunisia = new("TN");

    public static readonly IReadOnlyDictionary<string, FuzzTarget> All = new[]
    {
        new FuzzTarget("csv", b => Table.Read(b, "fuzz.csv"), typeof(ModelException), [",", ";", "\t", "|", "\"", "\"\"", "\r\n", "\n", "\uFEFF", "id,name\n"], 2048),
        new FuzzTarget("xlsx", b => Table.Read(Workbook.WithSheet(b), "fuzz.xlsx"), typeof(ModelException),
            ["<row r=\"2\">", "</row>", "<c r=\"B2\" t=\"s\"><v>0</v></c>", "<c t=\"inlineStr\"><is><t>", "</t></is></c>", "<v>", "</v>", "t=\"n\"", "t=\"b\"",
             "t=\"d\"", "s=\"1\"", "r=\"XFD1\"", "<!DOCTYPE", "&amp;", "&#0;", "<dimension ref=\"A1:B2\"/>", "<sheetData>", "</sheetData>"], 4096),
        new FuzzTarget("ftm", b => FollowTheMoney.Read(b, "fuzz.ftm.json"), typeof(ModelException),
            ["{\"id\":", "\"schema\":", "\"Person\"", "\"properties\":", "{\"name\":[", "]}", "\"\\u0000\"", "\"\\ud800\"", "null", "true", "1e999", "\n", "[", "{"]),
        new FuzzTarget("mapping", b => ImportMapping.Parse(Encoding.UTF8.GetString(b), "fuzz.yml", json: b is [(byte)'{', ..]), typeof(ModelException),
            ["entities:", "\n  p:", "\n    schema: Person", "\n    properties:", " { name: N }", "keys: [A]", "id: \"{A}\"", "@p", "&a ", "*a", "? ", "- ", "{ value: x }",
             "{ column: C }", "format: csv", "delimiter: ;", "encoding: windows-1256", "!!binary ", "%YAML 1.2\n", "---\n", "|\n", ">\n"]),
        new FuzzTarget("mrz", b => MrzNormaliser.Normalise(Text(b), Italy), null,
            ["P<", "<<", "I<", "ID", "\n", "0", "9", "UTO", "D231458907", "7408122F1204159"], 512),
        new FuzzTarget("dates", b => DateNormaliser.Normalise(Text(b), Italy), null,
            ["/", "-", ".", " ", "2026", "29", "02", "13", "0000", "Feb", "février", "شباط", "١٤٤٧", "هـ", "ca.", "?", "T", "Z", "+01:00"], 256),
        new FuzzTarget("names", b => Names(Text(b)), null,
            ["Al-", "bin ", "abu ", "abd ", "el ", "محمد", "Мухаммед", "Μωχάμεντ", "王", "김", " ", "-", "'", ".", ",", "Jr", "ibn"], 128),
        new FuzzTarget("extract", b => IndicatorExtractor.Extract(Text(b), Tunisia), null,
            ["+", "00", "0090", "00216", " ", "-", ".", "/", "(", ")", "\u200F", "٠", "٩", "۰", "۹", "@", "t.me/", "wa.me/", "https://", "€", "يورو",
             "تلغرام ", "Telegram: ", "20.12.2026", "TR33 0006", "<<", "\n", "passport ", "Zuwara"], 512),
        new FuzzTarget("phones", b => PhoneNumberNormaliser.Normalise(Text(b), "IT"), null,
            ["+", "00", "218", "39", " ", "-", "(", ")", "ext", "x", "#", "*", "٠", "٩"], 128),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    // Names pass through the parser, the transliteration and both blocking keys, as ingest and matching use them.
    private static void Names(string text)
    {
        PersonName.Parse(text);
        var latin = Transliteration.ToLatin(text, out _);
        NameKeys.Phonetic(NameKeys.Skeleton(latin));
        Normalisers.Normalise("name", text, Italy);
    }

    /// <summary>A real workbook (written by MiniExcel) whose first sheet's XML is the fuzz input.</summary>
    internal static class Workbook
    {
        public const string SheetPart = "xl/worksheets/sheet1.xml";

        private static readonly (string Name, byte[] Content)[] Parts = Template();

        public static byte[] Sheet => Parts.Single(p => p.Name == SheetPart).Content;

        public static byte[] WithSheet(byte[] sheet)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, content) in Parts)
                {
                    using var part = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                    part.Write(name == SheetPart ? sheet : content);
                }
            }

            return buffer.ToArray();
        }

        private static (string, byte[])[] Template()
        {
            using var buffer = new MemoryStream();
            var rows = new[]
            {
                new Dictionary<string, object> { ["id"] = "p1", ["name"] = "Ali Hassan", ["born"] = new DateTime(1988, 3, 2), ["weight"] = 72.5 },
                new Dictionary<string, object> { ["id"] = "p2", ["name"] = "محمد علي", ["born"] = new DateTime(1990, 1, 1, 10, 30, 0), ["weight"] = 1 },
            };
            MiniExcelLibs.MiniExcel.SaveAs(buffer, rows);
            buffer.Position = 0;
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
            return zip.Entries.Select(e =>
            {
                using var part = e.Open();
                using var copy = new MemoryStream();
                part.CopyTo(copy);
                return (e.FullName, copy.ToArray());
            }).ToArray();
        }
    }
}
