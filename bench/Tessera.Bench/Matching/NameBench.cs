namespace Tessera.Bench.Matching;

internal static class NameBench
{
    public static void Run(string root) => Console.WriteLine("names: not yet " + root);
}
