namespace Tessera.Cli.Tests;

[Collection(CliSerial.Name)]
public sealed class RootCommandTests
{
    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var (code, output, _) = await new CliRun().RunAsync("--help");

        Assert.Equal(0, code);
        foreach (var verb in new[] { "serve", "import", "export", "users", "orgs", "cases", "audit", "schema" })
        {
            Assert.Contains(verb, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownVerb_IsAUsageError()
    {
        var (code, _, _) = await new CliRun().RunAsync("frobnicate");

        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Schema_UnknownName_IsBadInputNamingIt()
    {
        var (code, _, err) = await new CliRun().RunAsync("schema", "Persn");

        Assert.Equal(2, code);
        Assert.Contains("Persn", err, StringComparison.Ordinal);
    }
}
