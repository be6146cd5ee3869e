using System.CommandLine;
using Tessera.Core.Model;
using Tessera.Storage;

namespace Tessera.Cli;

/// <summary>The root of the <c>tessera</c> command: one verb per file, registered here.</summary>
internal static class TesseraCommand
{
    /// <param name="storage">The store commands use; null takes the environment (TESSERA_DATA, TESSERA_POSTGRES).</param>
    public static RootCommand Create(StorageOptions? storage = null)
    {
        var root = new RootCommand("Tessera: share, cross-check and analyse data on migrant smuggling networks.");
        foreach (var verb in Verbs(storage))
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    private static IEnumerable<Command> Verbs(StorageOptions? storage)
    {
        yield return SchemaCommand.Create();
        yield return PictureCommand.Create(storage);
    }

    /// <summary>Parses and runs; maps domain errors to the documented exit codes.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, StorageOptions? storage = null)
    {
        var root = Create(storage);
        var config = new InvocationConfiguration { Output = stdout ?? Console.Out, Error = stderr ?? Console.Error, EnableDefaultExceptionHandler = false };
        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (ModelException ex)
        {
            await (stderr ?? Console.Error).WriteLineAsync("tessera: " + ex.Describe());
            return ExitCodes.BadInput;
        }
    }
}

/// <summary>Exit codes of every verb.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int BadInput = 2;

    /// <summary>The user may not do this (sysexits EX_NOPERM).</summary>
    public const int Forbidden = 77;
    public const int Internal = 70;
}
