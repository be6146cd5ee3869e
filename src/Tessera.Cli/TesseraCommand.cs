using System.CommandLine;
using Tessera.Core.Model;
using Tessera.Storage;

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
        yield return OrgsCommand.Create();
        yield return UsersCommand.Create();
        yield return CasesCommand.Create();
        yield return ImportCommand.Create();
        yield return ExportCommand.Create();
        yield return AuditCommand.Create();
        yield return ServeCommand.Create();
        yield return NormaliseCommand.Create();
        yield return ExtractCommand.Create();
        yield return PictureCommand.Create();
        yield return MatchCommand.Create();
        yield return CheckCommand.Create();
        yield return HitsCommand.Create();
        yield return RequestsCommand.Create();
        yield return EntitiesCommand.Create();
        yield return GraphCommand.Create();
        yield return RetentionCommand.Create();
    }

    /// <summary>Parses and runs; maps domain errors to the documented exit codes.</summary>
    /// <param name="storage">The store commands use; null takes the environment (TESSERA_DATA, TESSERA_POSTGRES).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, StorageOptions? storage = null)
    {
        if (storage is not null)
        {
            CliContext.Options = storage;
        }

        CliContext.Diagnostics = stderr ?? Console.Error;

        var root = Create();
        var config = new InvocationConfiguration { Output = stdout ?? Console.Out, Error = stderr ?? Console.Error, EnableDefaultExceptionHandler = false };
        // No response files: "@name" is a user handle on the command line, not a file to expand.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (ModelException ex)
        {
            await (stderr ?? Console.Error).WriteLineAsync("tessera: " + ex.Describe());
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or Core.Access.AccessRefusedException)
        {
            await (stderr ?? Console.Error).WriteLineAsync("tessera: refused: " + ex.Message);
            return ExitCodes.Forbidden;
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
