namespace Tessera.Tests;

/// <summary>Files of the repository (datasets, demo, docs) found from a test's output folder: the root holds <c>Tessera.slnx</c>.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tessera.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Tessera.slnx) not found above " + AppContext.BaseDirectory);
    }
}
