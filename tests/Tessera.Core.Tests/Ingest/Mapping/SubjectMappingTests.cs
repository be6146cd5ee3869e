using System.Text;
using Tessera.Core.Ingest.Mapping;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Ingest.Mapping;

/// <summary>Who each record is about, set per row by the mapping: a column holding the category, or a fixed category.</summary>
public sealed class SubjectMappingTests
{
    private const string Mapping =
        """
        entities:
          person:
            schema: Person
            id: "p-{ID}"
            subject: { column: ROLE }
            properties: { name: NAME }
          boat:
            schema: Vessel
            keys: [BOAT]
            properties: { name: BOAT }
          passenger:
            schema: Person
            keys: [PASSENGER]
            subject: smuggled migrant
            properties: { name: PASSENGER }
        """;

    [Fact]
    public void Map_SubjectColumnAndFixedSubject_SetEachEntitysCategory()
    {
        var table = Read("ID;NAME;ROLE;BOAT;PASSENGER\n1;Omar Haddad;suspect;Blue Star;\n2;Amina Yusuf;Victim;;Idris Bello\n3;Karim Saleh;;;\n4;Yusuf Idris;informant;;\n");

        var mapped = RowMapper.Map(table, ImportMapping.Parse(Mapping, "m.yml", json: false), Normalise, "IT");

        var subjects = mapped.Entities.ToDictionary(e => e.Id, e => e.Subject);
        Assert.Equal(SubjectCategory.Suspect, subjects["p-1"]);
        Assert.Equal(SubjectCategory.Victim, subjects["p-2"]);
        Assert.Null(subjects["p-3"]);
        Assert.Equal(SubjectCategory.Informant, subjects["p-4"]);
        Assert.Equal(SubjectCategory.SmuggledMigrant, mapped.Entities.Single(e => e.First("name") == "Idris Bello").Subject);
        Assert.Null(mapped.Entities.Single(e => e.Schema == "Vessel").Subject);
    }

    [Fact]
    public void Map_UnknownCategoryInARow_RefusesTheTableNamingFileLineAndColumn()
    {
        var table = Read("ID;NAME;ROLE;BOAT;PASSENGER\n1;Omar Haddad;suspect;;\n2;Amina Yusuf;boss;;\n");

        var e = Assert.Throws<ModelException>(() => RowMapper.Map(table, ImportMapping.Parse(Mapping, "m.yml", json: false), Normalise, "IT"));

        Assert.Equal(("arrests.csv", 3, "ROLE"), (e.File, e.Line, e.Field));
        Assert.Contains("'boss'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_OneEntityGivenTwoCategories_IsRefusedNamingTheSecondLine()
    {
        var table = Read("ID;NAME;ROLE;BOAT;PASSENGER\n1;Omar Haddad;suspect;;\n1;Omar Haddad;witness;;\n");

        var e = Assert.Throws<ModelException>(() => RowMapper.Map(table, ImportMapping.Parse(Mapping, "m.yml", json: false), Normalise, "IT"));

        Assert.Equal(("arrests.csv", 3, "ROLE"), (e.File, e.Line, e.Field));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subject: chief", "'chief' is not one of")]
    [InlineData("subject: [ROLE]", "a subject is a category")]
    public void Parse_BadSubject_NamesTheField(string line, string message)
    {
        var text = "entities:\n  person:\n    schema: Person\n    " + line + "\n    properties: { name: NAME }\n";

        var e = Assert.Throws<ModelException>(() => ImportMapping.Parse(text, "m.yml", json: false));

        Assert.Equal(("m.yml", "entities.person.subject"), (e.File, e.Field));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smuggled-migrant", SubjectCategory.SmuggledMigrant)]
    [InlineData("Smuggled migrant", SubjectCategory.SmuggledMigrant)]
    [InlineData("SMUGGLED_MIGRANT", SubjectCategory.SmuggledMigrant)]
    [InlineData(" Informant ", SubjectCategory.Informant)]
    public void TryParse_WrittenForms_AreRead(string text, SubjectCategory expected)
    {
        Assert.True(SubjectCategories.TryParse(text, out var category));
        Assert.Equal(expected, category);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("")]
    [InlineData("boss")]
    public void TryParse_NotACategory_IsFalse(string text) => Assert.False(SubjectCategories.TryParse(text, out _));

    [Fact]
    public void FollowTheMoney_TesseraSubjectKey_SetsTheEntitysCategory()
    {
        var lines = "{\"id\":\"p1\",\"schema\":\"Person\",\"tessera:subject\":\"smuggled-migrant\",\"properties\":{\"name\":[\"Idris Bello\"]}}\n" +
            "{\"id\":\"p2\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Omar Haddad\"]}}\n";

        var entities = Core.Ingest.FollowTheMoney.Read(new StringReader(lines), "case.ftm.json");

        Assert.Equal([SubjectCategory.SmuggledMigrant, null], entities.Select(e => e.Subject));
    }

    [Fact]
    public void FollowTheMoney_UnknownSubject_NamesFileLineAndField()
    {
        var lines = "{\"id\":\"p1\",\"schema\":\"Person\"}\n{\"id\":\"p2\",\"schema\":\"Person\",\"tessera:subject\":\"boss\"}\n";

        var e = Assert.Throws<ModelException>(() => Core.Ingest.FollowTheMoney.Read(new StringReader(lines), "case.ftm.json"));

        Assert.Equal(("case.ftm.json", 2, "tessera:subject"), (e.File, e.Line, e.Field));
    }

    private static Table Read(string csv) => Table.Read(Encoding.UTF8.GetBytes(csv), "arrests.csv", null, ";");

    private static PropertyValue Normalise(SchemaProperty p, string raw) => Normalisers.Normalise(p, raw, NormalisationContext.None);
}
