using Tessera.Storage;

namespace Tessera.Cli.Tests;

/// <summary>Runs the <c>tessera</c> root command in-process against a fresh SQLite data folder.</summary>
/// <remarks>The store travels with the call (see <c>CliContext.Options</c>), so each run sees only its own data folder.</remarks>
public sealed class CliRun
{
    public CliRun()
    {
        Folder = Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public StorageOptions Storage => StorageOptions.Sqlite(Path.Combine(Folder, "data"));

    public Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => InvokeAsync(Storage, args);

    /// <summary>Runs the root command in-process on the given store (null: the environment's), capturing what it prints.</summary>
    public static async Task<(int Code, string Out, string Err)> InvokeAsync(StorageOptions? storage, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await TesseraCommand.RunAsync(args, stdout, stderr, storage);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>What a command printed on stderr without the first line every command writes there, naming the store it opened.</summary>
    public static string WithoutStoreLine(string error) =>
        string.Join('\n', error.Split('\n').Where(l => !l.StartsWith("store: ", StringComparison.Ordinal)));

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliSerial
{
    public const string Name = "cli";
}
