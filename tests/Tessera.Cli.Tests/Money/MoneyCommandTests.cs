namespace Tessera.Cli.Tests.Money;

/// <summary><c>tessera money patterns|trace|corridors</c> on transaction files: the benchmark contract, errors naming
/// file, line and field, and the exit codes.</summary>
public sealed class MoneyCommandTests
{
    private const string Header = "id,from,to,amount,currency,time\n";
    private readonly CliRun _cli = new();

    [Fact]
    public async Task Patterns_Cycle_WritesOneRowPerTransaction()
    {
        var input = _cli.WriteFile("tx.csv", Header
            + "c1,DE89370400440532013000,FR1420041010050500013M02606,10000,EUR,2025-03-01T10:00:00Z\n"
            + "c2,FR1420041010050500013M02606,IT60X0542811101000000123456,9700,EUR,2025-03-01T15:00:00Z\n"
            + "c3,IT60X0542811101000000123456,DE89370400440532013000,9500,EUR,2025-03-02T09:00:00Z\n"
            + "n1,DE89370400440532013000,shop,25,EUR,2025-06-01T09:00:00Z\n");
        var output = Path.Combine(_cli.Folder, "found.csv");

        var (code, stdout, stderr) = await _cli.RunAsync("money", "patterns", input, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Equal("pattern,transaction_id\ncycle,c1\ncycle,c2\ncycle,c3\n", File.ReadAllText(output));
        Assert.Contains("cycle 1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patterns_BadAmount_ExitsTwoNamingFileLineAndField()
    {
        var input = _cli.WriteFile("bad.csv", Header + "t1,A,B,10,EUR,2025-03-01T10:00:00Z\nt2,A,B,ten,EUR,2025-03-01T11:00:00Z\n");

        var (code, _, stderr) = await _cli.RunAsync("money", "patterns", input, "--out", Path.Combine(_cli.Folder, "found.csv"));

        Assert.Equal(2, code);
        Assert.Contains("bad.csv:3: field 'amount': 'ten' is not a positive amount", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cli.Folder, "found.csv")));
    }

    [Fact]
    public async Task Trace_ForwardWithRates_ConvertsAndReportsShares()
    {
        var rates = _cli.WriteFile("rates.csv", "date,currency,rate\n2025-03-01,USD,2.0\n");
        var input = _cli.WriteFile("tx.csv", Header + "t1,A,B,200,USD,2025-03-01T10:00:00Z\nt2,B,C,50,EUR,2025-03-02T10:00:00Z\n");
        var flows = Path.Combine(_cli.Folder, "flows.csv");

        var (code, stdout, stderr) = await _cli.RunAsync("money", "trace", input, "--account", "A", "--hops", "2", "--rates", rates, "--out", flows);

        Assert.True(code == 0, stderr);
        Assert.Equal("account,hop,amount_eur,share,held_eur\nB,1,100.00,1.0000,50.00\nC,2,50.00,0.5000,50.00\n", stdout.ReplaceLineEndings("\n"));
        Assert.Equal("from,to,hop,amount_eur\nA,B,1,100.00\nB,C,2,50.00\n", File.ReadAllText(flows));
    }

    [Fact]
    public async Task Trace_UnknownAccount_IsBadInput()
    {
        var input = _cli.WriteFile("tx.csv", Header + "t1,A,B,1,EUR,2025-03-01T10:00:00Z\n");

        var (code, _, stderr) = await _cli.RunAsync("money", "trace", input, "--account", "Z");

        Assert.Equal(2, code);
        Assert.Contains("'Z'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corridors_ByCountryPairAndMonth()
    {
        var input = _cli.WriteFile("tx.csv", "id,from,to,amount,currency,time,from_country,to_country\n"
            + "h1,broker-athens,broker-kabul,3000,EUR,2025-03-01T10:00:00Z,gr,af\nh2,broker-athens,broker-kabul,2000,EUR,2025-03-20T10:00:00Z,gr,af\n");

        var (code, stdout, stderr) = await _cli.RunAsync("money", "corridors", input);

        Assert.True(code == 0, stderr);
        Assert.Equal("from_country,to_country,month,transactions,amount_eur\nGR,AF,2025-03,2,5000.00\n", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Trace_ThroughHawalaBroker_ReachesTheReceiverWithoutAccounts()
    {
        var input = _cli.WriteFile("tx.csv", Header + "t1,DE89370400440532013000,shop,20,EUR,2025-03-01T10:00:00Z\n");
        var ledger = _cli.WriteFile("ledger.csv", "sender,receiver,amount,currency,place,date,sender_country\nAli,Karim,3000,EUR,AF,2025-03-02,GR\nAli,Samir,1000,EUR,PK,2025-03-03,GR\n");

        var (code, stdout, stderr) = await _cli.RunAsync("money", "trace", input, "--hawala", ledger, "--broker", "Athens-1", "--account", "person:Ali", "--hops", "2");
        var (_, corridors, _) = await _cli.RunAsync("money", "corridors", input, "--hawala", ledger, "--broker", "Athens-1");

        Assert.True(code == 0, stderr);
        Assert.Contains("broker:Athens-1,1,4000.00,1.0000", stdout, StringComparison.Ordinal);
        Assert.Contains("person:Karim,2,3000.00,0.7500", stdout, StringComparison.Ordinal);
        Assert.Contains("??,AF,2025-03,1,3000.00", corridors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hawala_BadDate_NamesFileLineAndField()
    {
        var input = _cli.WriteFile("tx.csv", Header);
        var ledger = _cli.WriteFile("ledger.csv", "sender,receiver,amount,currency,place,date\nAli,Karim,3000,EUR,AF,2025-03-02\nAli,Samir,1000,EUR,PK,3/3/2025\n");

        var (code, _, stderr) = await _cli.RunAsync("money", "corridors", input, "--hawala", ledger, "--broker", "Athens-1");

        Assert.Equal(2, code);
        Assert.Contains("ledger.csv:3: field 'date'", stderr, StringComparison.Ordinal);
    }
}
