using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage;

namespace Tessera.Cli;

/// <summary>What a failure means for the caller of <c>tessera</c>: its exit code and a one-line message.</summary>
internal static class Failure
{
    public static (int Code, string Message) Describe(Exception exception) => exception switch
    {
        ModelException m => (ExitCodes.BadInput, m.Describe()),
        AccessRefusedException r => (ExitCodes.Forbidden, "refused: " + r.Message),
        // A file named on the command line that is missing or that the operating system will not open is bad input.
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => (ExitCodes.BadInput, exception.Message),
        _ when StoreFailure.IsUnavailable(exception) =>
            (ExitCodes.Unavailable, "the database does not answer (" + OneLine(exception.GetBaseException().Message) + "); try again later"),
        _ => (ExitCodes.Internal, "internal error: " + OneLine(exception.Message) + " (" + exception.GetType().Name + "; --verbose or TESSERA_DEBUG=1 prints the stack trace)"),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
