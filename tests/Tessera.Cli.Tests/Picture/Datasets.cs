namespace Tessera.Cli.Tests.Picture;

/// <summary>Paths into the repository's <c>datasets/frontex-ibc</c> folder.</summary>
internal static class Datasets
{
    public static string Root { get; } = FindRoot();

    public static string Frontex(string file) => Path.Combine(Root, "datasets", "frontex-ibc", file);

    public static string Workbook => Frontex("frontex_monthly_detections_of_IBC_FRAN_2025-06-03.xlsx");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tessera.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (Tessera.slnx) not found");
    }
}
