namespace Tessera.Tests;

/// <summary>Paths into the repository's <c>datasets/frontex-ibc</c> folder.</summary>
internal static class Datasets
{
    public static string Root => RepositoryPaths.Root;

    public static string Frontex(string file) => RepositoryPaths.Combine("datasets", "frontex-ibc", file);

    public static string Workbook => Frontex("frontex_monthly_detections_of_IBC_FRAN_2025-06-03.xlsx");
}
