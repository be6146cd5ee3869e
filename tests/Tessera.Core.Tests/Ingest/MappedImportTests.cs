using System.Text;
using Tessera.Core.Ingest;
using Tessera.Core.Ingest.Mapping;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Ingest;

public sealed class MappedImportTests
{
    private const string InterceptMapping =
        """
        entities:
          caller:
            schema: Person
            keys: [FROM]
            properties: { name: FROM_NAME, phone: FROM }
          called:
            schema: Person
            keys: [TO]
            properties: { name: TO_NAME, phone: TO }
          call:
            schema: Call
            properties: { caller: "@caller", receiver: "@called", date: WHEN }
        """;

    [Fact]
    public void Prepare_InterceptRow_GivesTwoPersonsTheirPhonesAndACall()
    {
        var dir = TempDir();
        var csv = Write(dir, "calls.csv", "FROM;FROM_NAME;TO;TO_NAME;WHEN\n+39 333 1234567;Ali;0612345678;Omar;02/06/2026 21:14\n", Encoding.UTF8);
        var mapping = Write(dir, "calls.yml", InterceptMapping, Encoding.UTF8);

        var prepared = FileImport.Prepare(csv, mapping, new ContributionRequest("IT", null), new NormalisationContext("IT"));

        Assert.Equal(["Person", "Person", "Call"], prepared.Entities.Select(e => e.Schema));
        var call = prepared.Entities[2];
        Assert.Equal(prepared.Entities[0].Id, call.First("caller"));
        Assert.Equal(prepared.Entities[1].Id, call.First("receiver"));
        Assert.Equal("+390612345678", prepared.Entities[1].Get("phone").Single().Normalised);
        Assert.Equal("2026-06-02", call.Get("date").Single().Normalised);
        Assert.Empty(prepared.Problems);
    }

    [Fact]
    public void Prepare_SamePhoneOnBothSidesOfCalls_IsOnePerson()
    {
        var dir = TempDir();
        var csv = Write(dir, "calls.csv", "FROM,FROM_NAME,TO,TO_NAME,WHEN\n+39 333 1234567,Ali,+39 333 7654321,Omar,2026-06-01\n+39 333 7654321,Omar,+39 333 1234567,Ali,2026-06-02\n", Encoding.UTF8);
        var mapping = Write(dir, "calls.yml", InterceptMapping, Encoding.UTF8);

        var prepared = FileImport.Prepare(csv, mapping, new ContributionRequest("IT", null), new NormalisationContext("IT"));

        Assert.Equal(2, prepared.Entities.Count(e => e.Schema == "Person"));
        Assert.Equal(2, prepared.Entities.Count(e => e.Schema == "Call"));
    }

    [Theory]
    [InlineData(1256, "الاسم,الجنسية\nمحمد علي حسن,ليبيا\n", "محمد علي حسن")]
    [InlineData(1251, "имя;гражданство\nМухаммед Али Хасан;Ливия\n", "Мухаммед Али Хасан")]
    public void Table_LegacyCodePageWithoutDeclaration_IsDetected(int codePage, string text, string expected)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Write(TempDir(), "export.csv", text, Encoding.GetEncoding(codePage));

        var table = Table.Read(path);

        Assert.Equal("windows-" + codePage.ToString(System.Globalization.CultureInfo.InvariantCulture), table.Encoding);
        Assert.Equal(expected, table.Rows[0][0]);
    }

    [Fact]
    public void Table_Utf16WithTabs_IsReadWithItsDelimiter()
    {
        var path = Write(TempDir(), "export.csv", "Όνομα\tΧώρα\nΟμάρ Φαρούκ\tΣυρία\n", Encoding.Unicode);

        var table = Table.Read(path);

        Assert.Equal('\t', table.Delimiter);
        Assert.Equal(["Όνομα", "Χώρα"], table.Header);
        Assert.Equal("Ομάρ Φαρούκ", table.Rows[0][0]);
    }

    [Fact]
    public void Table_QuotedFieldsWithDelimitersAndLineBreaks_KeepLineNumbers()
    {
        var path = Write(TempDir(), "export.csv", "a,b\n\"x, y\",\"line one\nline two\"\n\"q\"\"uote\",z\n", Encoding.UTF8);

        var table = Table.Read(path);

        Assert.Equal("x, y", table.Rows[0][0]);
        Assert.Equal("line one\nline two", table.Rows[0][1]);
        Assert.Equal(2, table.Rows[0].Line);
        Assert.Equal("q\"uote", table.Rows[1][0]);
        Assert.Equal(4, table.Rows[1].Line);
    }

    [Fact]
    public void Prepare_MappingNamesMissingColumn_NamesFileAndColumn()
    {
        var dir = TempDir();
        var csv = Write(dir, "calls.csv", "FROM,TO\n1,2\n", Encoding.UTF8);
        var mapping = Write(dir, "calls.yml", InterceptMapping, Encoding.UTF8);

        var ex = Assert.Throws<ModelException>(() => FileImport.Prepare(csv, mapping, new ContributionRequest("IT", null), NormalisationContext.None));

        Assert.Equal("calls.csv", ex.File);
        Assert.Contains("no column 'FROM_NAME'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("entities:\n  p:\n    schema: Persn\n    properties: { name: A }\n", "entities.p.schema")]
    [InlineData("entities:\n  p:\n    schema: Person\n    properties: { imoNumber: A }\n", "entities.p.properties.imoNumber")]
    [InlineData("entities:\n  c:\n    schema: Call\n    properties: { caller: \"@nobody\" }\n", "entities.c.properties.caller")]
    [InlineData("format: csv\n", "entities")]
    public void Mapping_Invalid_NamesTheField(string yaml, string field)
    {
        var ex = Assert.Throws<ModelException>(() => ImportMapping.Parse(yaml, "m.yml", json: false));

        Assert.Equal(field, ex.Field);
        Assert.Equal("m.yml", ex.File);
    }

    [Fact]
    public void Prepare_InvalidPhone_IsKeptMarkedInvalidAndReportedWithLineAndColumn()
    {
        var dir = TempDir();
        var csv = Write(dir, "calls.csv", "FROM,FROM_NAME,TO,TO_NAME,WHEN\n12345,Ali,+39 333 7654321,Omar,2026-06-01\n", Encoding.UTF8);
        var mapping = Write(dir, "calls.yml", InterceptMapping, Encoding.UTF8);

        var prepared = FileImport.Prepare(csv, mapping, new ContributionRequest("IT", null), new NormalisationContext("IT"));

        var phone = prepared.Entities[0].Get("phone").Single();
        Assert.False(phone.Valid);
        Assert.Equal("12345", phone.Value);
        var problem = Assert.Single(prepared.Problems);
        Assert.Equal((2, "FROM", "phone"), (problem.Line, problem.Column, problem.Property));
    }

    [Fact]
    public void Prepare_DemoWorkbook_ReadsTheSheetThroughItsMapping()
    {
        var demo = Tessera.Tests.RepositoryPaths.Combine("demo");

        var prepared = FileImport.Prepare(Path.Combine(demo, "de-cells.xlsx"), Path.Combine(demo, "de-cells.mapping.yml"), new ContributionRequest("DE", null), new NormalisationContext("DE"));

        Assert.Equal(4, prepared.Rows);
        Assert.Contains(prepared.Entities, e => e.Schema == "Vehicle" && e.First("registrationNumber") == "BG-1234-AB");
        Assert.Contains(prepared.Entities, e => e.Id == "BPOL-2026-7781" && e.Get("nationality").Single().Normalised == "TR");
    }

    [Fact]
    public void Prepare_Post_GetsTheIndicatorsOfItsText()
    {
        var demo = Tessera.Tests.RepositoryPaths.Combine("demo");

        var prepared = FileImport.Prepare(Path.Combine(demo, "posts.ftm.json"), null, new ContributionRequest("EU-HUB", null), NormalisationContext.None);

        var post = prepared.Entities.Single(e => e.Id == "post-002");
        Assert.Contains(post.Get("mentionsPhone"), v => v.Normalised == "+21622345678");
        Assert.Contains(post.Get("place"), v => v.Normalised is not null && v.Normalised.Contains("Sfax", StringComparison.Ordinal));
        Assert.NotEmpty(post.Get("price"));
    }

    [Fact]
    public void Prepare_SameFileTwice_HasTheSameContentHash()
    {
        var dir = TempDir();
        var csv = Write(dir, "calls.csv", "FROM,FROM_NAME,TO,TO_NAME,WHEN\n+39 333 1234567,Ali,+39 333 7654321,Omar,2026-06-01\n", Encoding.UTF8);
        var mapping = Write(dir, "calls.yml", InterceptMapping, Encoding.UTF8);
        var request = new ContributionRequest("IT", null);

        var first = FileImport.Prepare(csv, mapping, request, NormalisationContext.None);
        var second = FileImport.Prepare(csv, mapping, request, NormalisationContext.None);

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(first.Entities.Select(e => e.Id), second.Entities.Select(e => e.Id));
    }

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tessera-ingest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Write(string dir, string name, string text, Encoding encoding)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, [.. encoding.GetPreamble().Length > 0 && encoding is not UTF8Encoding ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)]);
        return path;
    }
}
