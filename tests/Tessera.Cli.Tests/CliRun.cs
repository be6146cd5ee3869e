using Tessera.Storage;

namespace Tessera.Cli.Tests;

/// <summary>Runs the <c>tessera</c> root command in-process against a fresh SQLite data folder.</summary>
/// <remarks>The store override is process-wide, so CLI tests run one at a time (one xunit collection).</remarks>
public sealed class CliRun
{
    public CliRun()
    {
        Folder = Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public StorageOptions Storage => StorageOptions.Sqlite(Path.Combine(Folder, "data"));

    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        CliContext.Options = Storage;
        try
        {
            var code = await TesseraCommand.RunAsync(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            CliContext.Options = null;
        }
    }

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
