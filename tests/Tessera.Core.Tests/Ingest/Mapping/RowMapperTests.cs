using System.Globalization;
using Tessera.Core.Ingest.Mapping;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Ingest.Mapping;

public sealed class RowMapperTests
{
    private const string Mapping =
        """
        entities:
          caller:
            schema: Person
            keys: [FROM]
            properties: { name: FROM_NAME, phone: FROM, nationality: COUNTRY }
          called:
            schema: Person
            keys: [TO]
            properties: { phone: TO }
          call:
            schema: Call
            properties: { caller: "@caller", receiver: "@called", date: WHEN }
        """;

    private static readonly string[] Header = ["FROM", "FROM_NAME", "TO", "COUNTRY", "WHEN"];

    [Fact]
    public void Map_ManyChunksOfRows_EqualsTheRowsMappedOneByOneInRowOrder()
    {
        // 7,000 rows: several chunks; the same phone holders come back in every chunk with other names; some values are invalid.
        var table = Calls(7_000);
        var mapping = ImportMapping.Parse(Mapping, "m.yml", json: false);
        var context = new NormalisationContext("IT");
        PropertyValue Normalise(SchemaProperty p, string raw) => Normalisers.Normalise(p, raw, context);

        var whole = RowMapper.Map(table, mapping, Normalise, "IT");
        var (entities, problems) = RowByRow(table, mapping, Normalise);

        Assert.Equal(7_000, whole.Rows);
        Assert.Equal(entities.Select(e => (e.Id, e.Schema)), whole.Entities.Select(e => (e.Id, e.Schema)));
        Assert.Equal(entities.Select(e => e.Values), whole.Entities.Select(e => e.Values.ToList()));
        Assert.Equal(problems, whole.Problems);
        Assert.NotEmpty(problems);
        Assert.True(problems.Select(p => p.Line).SequenceEqual(problems.Select(p => p.Line).Order()));
    }

    [Fact]
    public void Map_RepeatedRawValues_NormalisesEachDistinctValueOncePerProperty()
    {
        var table = Calls(1_000);
        var mapping = ImportMapping.Parse(Mapping, "m.yml", json: false);
        var calls = new Dictionary<(string, string), int>();
        PropertyValue Normalise(SchemaProperty p, string raw)
        {
            lock (calls)
            {
                calls[(p.Name, raw)] = calls.GetValueOrDefault((p.Name, raw)) + 1;
            }

            return Normalisers.Normalise(p, raw, NormalisationContext.None);
        }

        RowMapper.Map(table, mapping, Normalise, "IT");

        // One chunk of rows runs on one thread, so no two threads race to the same value.
        Assert.All(calls, c => Assert.Equal(1, c.Value));
        Assert.Contains(calls, c => c.Key.Item1 == "nationality");
    }

    private static Table Calls(int rows) => new("calls.csv", Header, Enumerable.Range(0, rows).Select(i => new TableRow(i + 2,
    [
        "+39 333 " + (1_000_000 + i % 50).ToString(CultureInfo.InvariantCulture),
        i % 11 == 0 ? "" : "Ali  Hassan " + (i % 3).ToString(CultureInfo.InvariantCulture),
        i % 5 == 0 ? "12" : "+216 20 " + (100_000 + i % 400).ToString(CultureInfo.InvariantCulture),
        i % 2 == 0 ? "Libya" : "Tunisie",
        i % 13 == 0 ? "yesterday-ish" : new DateOnly(2026, 1 + i % 12, 1 + i % 28).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    ])).ToList(), "utf-8", ',');

    // The reference: each row mapped on its own, merged in row order, each (property, value) of an entity kept once.
    private static (List<(string Id, string Schema, List<PropertyValue> Values)> Entities, List<ImportProblem> Problems) RowByRow(
        Table table, ImportMapping mapping, Func<SchemaProperty, string, PropertyValue> normalise)
    {
        var entities = new List<(string Id, string Schema, List<PropertyValue> Values)>();
        var problems = new List<ImportProblem>();
        foreach (var row in table.Rows)
        {
            var one = RowMapper.Map(table with { Rows = [row] }, mapping, normalise, "IT");
            problems.AddRange(one.Problems);
            foreach (var e in one.Entities)
            {
                var index = entities.FindIndex(x => x.Id == e.Id);
                if (index < 0)
                {
                    entities.Add((e.Id, e.Schema, []));
                    index = entities.Count - 1;
                }

                entities[index].Values.AddRange(e.Values.Where(v => !entities[index].Values.Exists(x => x.Property == v.Property && x.Value == v.Value)));
            }
        }

        return (entities, problems);
    }
}
