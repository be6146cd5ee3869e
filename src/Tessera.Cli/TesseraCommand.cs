using System.CommandLine;
using Tessera.Core.Model;
using Tessera.Storage;

namespace Tessera.Cli;

/// <summary>The root of the <c>tessera</c> command: one verb per file, registered here.</summary>
internal static class TesseraCommand
{
    /// <summary>The variable that, set to 1, prints the stack trace of every failure (as <c>--verbose</c> does).</summary>
    public const string DebugVariable = "TESSERA_DEBUG";

    /// <summary><c>--verbose</c>, on every verb: the stack trace of a failure on stderr after its one-line message.</summary>
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "On failure, print the stack trace after the message", Recursive = true };

    public static RootCommand Create()
    {
        var root = new RootCommand("Tessera: share, cross-check and analyse data on migrant smuggling networks.");
        foreach (var verb in Verbs())
        {
            root.Subcommands.Add(verb);
        }

        root.Options.Add(Verbose);
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
        yield return MoneyCommand.Create();
        yield return RetentionCommand.Create();
        yield return PprlCommand.Create();
        yield return ActionsCommand.Create();
        yield return ReportCommand.Create();
    }

    /// <summary>Parses and runs; the one place that maps every failure to a documented exit code (<see cref="ExitCodes"/>) with
    /// a one-line message on stderr, and the stack trace only with <c>--verbose</c> or <c>TESSERA_DEBUG=1</c>.</summary>
    /// <param name="storage">The store commands use; null takes the environment (TESSERA_DATA, TESSERA_POSTGRES).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, StorageOptions? storage = null)
    {
        if (storage is not null)
        {
            CliContext.Options = storage;
        }

        CliContext.Diagnostics = stderr ?? Console.Error;

        var root = Create();
        var error = stderr ?? Console.Error;
        var config = new InvocationConfiguration { Output = stdout ?? Console.Out, Error = error, EnableDefaultExceptionHandler = false };
        // No response files: "@name" is a user handle on the command line, not a file to expand.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (Exception ex)
        {
            var (code, message) = Failure.Describe(ex);
            await error.WriteLineAsync("tessera: " + message);
            if (parse.GetValue(Verbose) || Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true")
            {
                await error.WriteLineAsync(ex.ToString());
            }

            return code;
        }
    }
}

/// <summary>Exit codes of every verb (README, "Exit codes"; the numbers above 2 are those of sysexits.h).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line is wrong: an unknown verb or option, a missing argument.</summary>
    public const int Usage = 1;

    /// <summary>The input data is wrong; the message names file, line and field.</summary>
    public const int BadInput = 2;

    /// <summary>A fault of Tessera itself (EX_SOFTWARE).</summary>
    public const int Internal = 70;

    /// <summary>The database does not answer now; trying again later may succeed (EX_TEMPFAIL).</summary>
    public const int Unavailable = 75;

    /// <summary>The access policy refuses (EX_NOPERM).</summary>
    public const int Forbidden = 77;
}
