using System.Text;
using Tessera.Core.Ingest.Mapping;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Ingest.Mapping;

/// <summary>A mapping made by pointing at columns is written as the YAML the import reads, with the same rules.</summary>
public sealed class PointedMappingTests
{
    private const string Csv = "Αριθμός;Ονοματεπώνυμο;Ημ. γέννησης;Say \"hi\" \\ {x};@nick\nGR-1;Muhammad Ali Hasan;1988-02-03;a;b\nGR-2;Hüseyin Demir;1982-01-19;c;d\n";

    [Fact]
    public void ToYaml_ColumnsWithGreekQuotesBracesAndAt_ParseBackAndMapEveryRow()
    {
        var table = Table.Read(Encoding.UTF8.GetBytes(Csv), "gr.csv");
        var pointed = new PointedMapping("Person", "Αριθμός", new Dictionary<string, string>
        {
            ["name"] = "Ονοματεπώνυμο",
            ["birthDate"] = "Ημ. γέννησης",
            ["notes"] = "Say \"hi\" \\ {x}",
            ["alias"] = "@nick",
        });

        Assert.Null(pointed.Problem(table.Header));
        var mapping = ImportMapping.Parse(pointed.ToYaml("csv"), "mapping.yml", json: false);
        var mapped = RowMapper.Map(table, mapping, (p, raw) => Normalisers.Normalise(p, raw, NormalisationContext.None), "GR");

        Assert.Empty(mapped.Problems);
        Assert.Equal(["GR-1", "GR-2"], mapped.Entities.Select(e => e.Id).Order(StringComparer.Ordinal));
        var first = mapped.Entities.Single(e => e.Id == "GR-1");
        Assert.Equal("Muhammad Ali Hasan", first.First("name"));
        Assert.Equal("1988-02-03", first.First("birthDate"));
        Assert.Equal("a", first.First("notes"));
        Assert.Equal("b", first.First("alias"));
    }

    [Theory]
    [InlineData("Vesel", null, "name", "NAME", "not a schema")]
    [InlineData("Person", null, "name", "MISSING", "not a column")]
    [InlineData("Call", null, "caller", "NAME", "not a property")]
    [InlineData("Person", "MISSING", "name", "NAME", "id column")]
    public void Problem_BadSchemaColumnOrProperty_IsNamed(string schema, string? id, string property, string column, string expected)
    {
        var pointed = new PointedMapping(schema, id, new Dictionary<string, string> { [property] = column });

        Assert.Contains(expected, pointed.Problem(["ID", "NAME"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Guess_HeadersNamedAsProperties_AreMappedAndEntityReferencesNever()
    {
        var guess = PointedMapping.Guess(SchemaModel.Default.GetSchema("Call"), ["ID", "Caller", "Date", "Duration"]);

        Assert.Equal("ID", guess.IdColumn);
        Assert.Equal("Date", guess.Columns["date"]);
        Assert.Equal("Duration", guess.Columns["duration"]);
        Assert.False(guess.Columns.ContainsKey("caller"));
    }
}
