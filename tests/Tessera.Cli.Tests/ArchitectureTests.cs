using System.Reflection;

namespace Tessera.Cli.Tests;

/// <summary>Keeps the dependency arrows pointing one way: Core knows no web or database; Storage knows no web.</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] WebAssemblies = ["Microsoft.AspNetCore", "MudBlazor", "Tessera.Web", "tessera"];
    private static readonly string[] DatabaseAssemblies = ["Microsoft.Data.Sqlite", "Npgsql", "Dapper", "SQLitePCL", "Tessera.Storage"];

    [Fact]
    public void Core_ReferencesNoWebOrDatabaseAssembly()
    {
        var references = References(typeof(Core.Model.SchemaModel).Assembly);

        Assert.DoesNotContain(references, r => WebAssemblies.Concat(DatabaseAssemblies).Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Storage_ReferencesNoWebAssembly()
    {
        var references = References(typeof(Storage.Store).Assembly);

        Assert.DoesNotContain(references, r => WebAssemblies.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Web_ReachesTheDatabaseOnlyThroughStorage()
    {
        var references = References(typeof(Web.Hosting.TesseraWebHost).Assembly);

        Assert.Contains("Tessera.Storage", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Npgsql", StringComparison.Ordinal) || r.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_TypesAreInternalUnlessAnotherProjectUsesThem()
    {
        var core = typeof(Core.Model.SchemaModel).Assembly;

        // Every public Core type lives in a capability folder's namespace, never in a grab-bag one.
        var namespaces = core.GetExportedTypes().Select(t => t.Namespace!).Distinct().ToList();

        Assert.All(namespaces, ns => Assert.DoesNotMatch("(Helpers|Services|Managers|Interfaces|DTOs|Utils)$", ns));
    }

    [Fact]
    public void WebPagesAndEndpoints_NeitherDecideAccessNorWriteAuditEntries()
    {
        // What a user may see or do is decided in Core/Access and audited where the decision is taken (STYLE.md, "Where rules live").
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Tessera.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Tessera.slnx not found above the test");
        }

        var web = Path.Combine(root, "src", "Tessera.Web");
        var sources = Directory.EnumerateFiles(web, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal))
            .ToList();

        var offenders = sources.Where(f => File.ReadAllText(f) is var text && (text.Contains("AccessPolicy.", StringComparison.Ordinal) || text.Contains("Audit.AppendAsync", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f)).ToList();

        Assert.NotEmpty(sources);
        Assert.True(offenders.Count == 0, "pages or endpoints that decide access or write audit entries themselves: " + string.Join(", ", offenders));
    }

    private static List<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
}
