using System.CommandLine;
using Tessera.Core.Model;

namespace Tessera.Cli;

/// <summary>The root of the <c>tessera</c> command: one verb per file, registered here.</summary>
internal static class TesseraCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Tessera: share, cross-check and analyse data on migrant smuggling networks.");
        foreach (var verb in Verbs())
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    private static IEnumerable<Command> Verbs()
    {
        yield return SchemaCommand.Create();
        yield return GraphCommand.Create();
    }

    /// <summary>Parses and runs; maps domain errors to the documented exit codes.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var root = Create();
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
    public const int Internal = 70;
}
