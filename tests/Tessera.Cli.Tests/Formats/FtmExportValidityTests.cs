using Tessera.Storage;
using Tessera.Storage.Demo;

namespace Tessera.Cli.Tests.Formats;

/// <summary>The demo's FollowTheMoney export checked against FollowTheMoney's own schema files (and Tessera's declared
/// extension), not against Tessera's copy of the rules.</summary>
[Collection(CliSerial.Name)]
public sealed class FtmExportValidityTests
{
    private static readonly string Ftm = RepositoryPaths.Combine("datasets", "followthemoney-schema", "schema");
    private static readonly string Extension = RepositoryPaths.Combine("docs", "ftm-extension");

    [Fact]
    public async Task DemoExport_AgainstFtmAndExtension_HasNoViolation()
    {
        var lines = await ExportDemoAsync();

        var errors = FtmValidator.Load(Ftm, Extension).Validate(lines);

        Assert.True(lines.Count >= 60, $"the demo exports {lines.Count} entities");
        Assert.Empty(errors);
        // Every demo value passes its type's check, so none is left outside the typed properties.
        Assert.DoesNotContain(lines, l => l.Contains(Core.Ingest.FollowTheMoneyExport.InvalidKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoExport_StandardEntities_AreValidFtmAlone()
    {
        var lines = await ExportDemoAsync();
        var ftm = FtmValidator.Load(Ftm);
        // The standard part of a line is what FollowTheMoney tools read: its schema and "properties", nothing of the extension.
        var standard = lines.Where(l => ftm.HasSchema(System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("schema").GetString()!))
            .Select(StripExtension).ToList();

        var errors = ftm.Validate(standard);

        Assert.Equal(lines.Count, standard.Count);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{"id":"a","schema":"Person","properties":{"name":["A"],"phone":["+218 91 234 5678"]}}""", "E.164")]
    [InlineData("""{"id":"a","schema":"Person","properties":{"name":["A"],"birthDate":["14/05/1979"]}}""", "ISO 8601")]
    [InlineData("""{"id":"a","schema":"Person","properties":{"name":["A"],"nationality":["Türkei"]}}""", "ISO 3166-1")]
    [InlineData("""{"id":"a","schema":"BankAccount","properties":{"name":["A"],"iban":["IT60 X054 2811 1010 0000 0123 456"]}}""", "IBAN")]
    [InlineData("""{"id":"a","schema":"BankAccount","properties":{"name":["A"],"holder":["a"]}}""", "has no property holder")]
    [InlineData("""{"id":"a","schema":"Payment","properties":{"payer":["a"]}}""", "required property beneficiary")]
    [InlineData("""{"id":"a","schema":"Ownership","properties":{"owner":["a"],"asset":["zz"]}}""", "references no entity")]
    [InlineData("""{"id":"a","schema":"TesseraCase","properties":{"name":["A"]}}""", "unknown schema")]
    [InlineData("""{"id":"a","schema":"Thing","properties":{"name":["A"]}}""", "abstract")]
    public void Validator_ViolationsOfTheIssue_AreFound(string line, string expected)
    {
        var errors = FtmValidator.Load(Ftm).Validate([line]);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    private static string StripExtension(string line)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
        node.Remove("tessera:properties");
        node.Remove("tessera:invalid");
        return node.ToJsonString();
    }

    private static async Task<List<string>> ExportDemoAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N"));
        var storage = StorageOptions.Sqlite(Path.Combine(folder, "data"));
        await using (var store = await Store.OpenAsync(storage))
        {
            await DemoWorkspace.SeedAsync(store);
        }

        var file = Path.Combine(folder, "demo.ftm.json");
        var (code, _, err) = await CliRun.InvokeAsync(storage, "export", "--format", "ftm", "--out", file);
        Assert.True(code == 0, err);
        return [.. File.ReadAllLines(file).Where(l => l.Length > 0)];
    }
}
