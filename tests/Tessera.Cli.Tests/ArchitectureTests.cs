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

    private static List<string> References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
}
