using System.IO.Compression;
using System.Text;
using Tessera.Core.Ingest;
using Tessera.Core.Ingest.Mapping;
using Tessera.Core.Model;

namespace Tessera.Core.Tests.Ingest;

/// <summary>Bad input of every kind is refused as a <see cref="ModelException"/> naming where it is — never another exception,
/// never silently repaired, and a zip bomb without inflating it.</summary>
public sealed class InputLimitsTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tessera-limits").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadXlsx_ZipBombOfTwoGigabytes_RefusedQuicklyWithoutInflating()
    {
        var path = Path.Combine(_dir, "bomb.xlsx");
        ZipBomb.Write(path);

        Assert.InRange(new FileInfo(path).Length, 1, IngestLimits.MaxUploadBytes);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<ModelException>(() => Table.Read(path));

        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{new FileInfo(path).Length / 1048576.0:F1} MB bomb refused in {clock.ElapsedMilliseconds} ms, {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0:F1} MB allocated: {error.Message}"));
        Assert.Contains("expands to", error.Message, StringComparison.Ordinal);
        Assert.Equal("bomb.xlsx", error.File);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 200L * 1024 * 1024);
    }

    [Fact]
    public void ReadXlsx_WorkbookDeclaringExternalEntity_RefusedAsDtd()
    {
        var path = Path.Combine(_dir, "xxe.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            AddEntry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            AddEntry(zip, "xl/worksheets/sheet1.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>");
        }

        var error = Assert.Throws<ModelException>(() => Table.Read(path));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadXlsx_NotAZipArchive_RefusedAsBadInput()
    {
        var path = Path.Combine(_dir, "text.xlsx");
        File.WriteAllText(path, "name,nationality\nAli,LY\n");

        var error = Assert.Throws<ModelException>(() => Table.Read(path));

        Assert.Contains("not an XLSX workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_NameWithNul_RefusedNamingLineAndColumn()
    {
        var path = Write("people.csv", "id,name\np1,Ali\np2,Omar\0Hassan\n");

        var error = Assert.Throws<ModelException>(() => Table.Read(path));

        Assert.Equal((3, "name"), (error.Line, error.Field));
        Assert.Contains("U+0000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[0])]
    public void ReadCsv_Utf8WithABrokenByte_ReportedWithItsLine(byte[] preamble)
    {
        var path = Path.Combine(_dir, "names.csv");
        File.WriteAllBytes(path, [.. preamble, .. "id,name\np1,Ağa Müller\np2,Ol"u8, 0xFF, .. "a\np3,Çelik\n"u8]);

        var error = Assert.Throws<ModelException>(() => Table.Read(path));

        Assert.Equal((3, "encoding"), (error.Line, error.Field));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_RowWithTooManyColumns_Refused()
    {
        var path = Write("wide.csv", "a,b\n" + string.Join(',', Enumerable.Repeat("x", IngestLimits.MaxColumns + 1)) + "\n");

        var error = Assert.Throws<ModelException>(() => Table.Read(path));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void ReadCsv_FieldLongerThanTheCap_Refused()
    {
        var path = Write("long.csv", "a,b\nx," + new string('y', IngestLimits.MaxFieldChars + 1) + "\n");

        Assert.Equal(2, Assert.Throws<ModelException>(() => Table.Read(path)).Line);
    }

    [Fact]
    public void PrepareFtm_InvalidUtf8_ReportedWithItsLine()
    {
        var path = Path.Combine(_dir, "people.ftm.json");
        File.WriteAllBytes(path, [.. """{"id":"p1","schema":"Person","properties":{"name":["Ali"]}}"""u8, (byte)'\n',
            .. """{"id":"p2","schema":"Person","properties":{"name":["Om"""u8, 0xC3, 0x28, .. "ar\"]}}\n"u8]);

        var error = Assert.Throws<ModelException>(() => FileImport.Prepare(path, null, new ContributionRequest("IT", null), new Core.Normalisation.NormalisationContext("IT")));

        Assert.Equal(("people.ftm.json", 2), (error.File, error.Line));
    }

    [Theory]
    [InlineData("""{"id":"p1","schema":"Person","properties":{"name":["Ali\u0000"]}}""", "properties.name")]
    [InlineData("""{"id":"p\u0007","schema":"Person"}""", "id")]
    [InlineData("""{"id":"p1","schema":"Person","properties":{"name":["\ud800"]}}""", null)]
    public void ReadFtm_ControlOrUnpairedCharacter_RefusedNamingLineAndField(string line, string? field)
    {
        var error = Assert.Throws<ModelException>(() => FollowTheMoney.Read(new StringReader("\n" + line + "\n"), "p.ftm.json"));

        Assert.Equal(2, error.Line);
        if (field is not null)
        {
            Assert.Equal(field, error.Field);
        }
    }

    [Fact]
    public void ReadFtm_NestedDeeperThanTheCap_Refused()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var line = """{"id":"p1","schema":"Person","properties":{"name":""" + deep + "}}";

        Assert.Equal(1, Assert.Throws<ModelException>(() => FollowTheMoney.Read(new StringReader(line), "p.ftm.json")).Line);
    }

    [Theory]
    [InlineData("a: &a [x, x]\nb: [*a, *a]\nentities: {}")]
    [InlineData("entities:\n  ? [x]\n  : y")]
    [InlineData("entities:\n  p: { schema: Person, keys: 5, properties: { name: N } }")]
    [InlineData("entities:\n  p: { schema: Person, properties: { name: [[N]] } }")]
    [InlineData("entities:\n  p: [1, 2]")]
    [InlineData("entities:\n  p: { schema: Person, properties: { name: { column: [N] } } }")]
    public void ParseMapping_MalformedYaml_RefusedAsBadInput(string yaml) =>
        Assert.Equal("m.yml", Assert.Throws<ModelException>(() => ImportMapping.Parse(yaml, "m.yml", json: false)).File);

    [Fact]
    public void ParseMapping_NestedDeeperThanTheCap_Refused()
    {
        var yaml = "entities: " + new string('[', 50_000) + new string(']', 50_000);

        Assert.Contains("nested", Assert.Throws<ModelException>(() => ImportMapping.Parse(yaml, "m.yml", json: false)).Message, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static void AddEntry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
