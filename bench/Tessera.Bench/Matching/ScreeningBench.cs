namespace Tessera.Bench.Matching;

internal static class ScreeningBench
{
    public static void Run(string root) => Console.WriteLine("screening: not yet " + root);
}
