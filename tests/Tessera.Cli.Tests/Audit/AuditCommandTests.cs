using Dapper;
using Tessera.Storage;

namespace Tessera.Cli.Tests.Audit;

/// <summary><c>tessera audit witness</c> and <c>audit verify --witness</c>: a cut chain is caught, a foreign witness refused.</summary>
public sealed class AuditCommandTests
{
    [Fact]
    public async Task VerifyWithWitness_ChainCutBelowTheWitnessedHead_IsBroken()
    {
        var cli = new CliRun();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT")).Code);
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "GR", "--name", "Greece", "--country", "GR")).Code);
        var witness = Path.Combine(cli.Folder, "witness.jsonl");
        var (witnessed, said, _) = await cli.RunAsync("audit", "witness", "--out", witness);
        var (intact, _, _) = await cli.RunAsync("audit", "verify", "--witness", witness);

        // Cut the last entry and move the head back: without the witness only the head's signature can tell.
        await using (var store = await Store.OpenAsync(cli.Storage))
        await using (var connection = await store.ConnectAsync())
        {
            await connection.ExecuteAsync("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
        }

        var (code, output, _) = await cli.RunAsync("audit", "verify", "--witness", witness);

        Assert.Equal((0, 0), (witnessed, intact));
        Assert.Contains("witnessed entry", said, StringComparison.Ordinal);
        Assert.Equal(2, code);
        Assert.Contains("BROKEN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyWithWitness_WitnessOfAnotherNode_IsRefused()
    {
        var mine = new CliRun();
        var theirs = new CliRun();
        Assert.Equal(0, (await mine.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT")).Code);
        Assert.Equal(0, (await theirs.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT")).Code);
        var witness = Path.Combine(theirs.Folder, "witness.jsonl");
        Assert.Equal(0, (await theirs.RunAsync("audit", "witness", "--out", witness)).Code);

        var (code, _, error) = await mine.RunAsync("audit", "verify", "--witness", witness);

        Assert.Equal(2, code);
        Assert.Contains("witness refused", error, StringComparison.Ordinal);
        Assert.Contains("line 1", error, StringComparison.Ordinal);
    }
}
