namespace Tessera.Cli.Tests;

/// <summary><c>tessera users show|roles|unlock</c>, <c>tessera cases members add|remove</c> and <c>tessera audit export</c>:
/// the administration the web app offers, on the command line, with its exit codes.</summary>
[Collection(CliSerial.Name)]
public sealed class AdminCommandTests
{
    private static async Task<CliRun> SeededAsync()
    {
        var cli = new CliRun();
        foreach (var (code, name) in new[] { ("IT", "Italy"), ("GR", "Greece"), ("MT", "Malta") })
        {
            Assert.Equal(0, (await cli.RunAsync("orgs", "add", code, "--name", name, "--country", code)).Code);
        }

        Assert.Equal(0, (await cli.RunAsync("users", "add", "anna", "--org", "IT", "--roles", "analyst", "--password", "correct-horse-battery")).Code);
        Assert.Equal(0, (await cli.RunAsync("cases", "add", "C1", "--title", "Zuwara boats", "--owner", "IT", "--members", "GR")).Code);
        return cli;
    }

    [Fact]
    public async Task RolesAndShow_ChangedRoles_AreShownWithTheAccountState()
    {
        var cli = await SeededAsync();

        Assert.Equal(0, (await cli.RunAsync("users", "roles", "anna", "analyst,supervisor")).Code);
        Assert.Equal(0, (await cli.RunAsync("users", "unlock", "anna")).Code);
        var show = await cli.RunAsync("users", "show", "anna");

        Assert.Equal(0, show.Code);
        Assert.Equal(["anna", "IT", "Analyst,Supervisor", "enabled", "last sign-in never", "0 failed sign-ins", "not locked"], show.Out.Trim().Split('\t'));
    }

    [Theory]
    [InlineData(2, "users", "roles", "anna", "analyst,emperor")]
    [InlineData(2, "users", "roles", "nobody", "analyst")]
    [InlineData(2, "users", "unlock", "nobody")]
    [InlineData(2, "cases", "members", "remove", "C1", "IT")]
    [InlineData(2, "cases", "members", "add", "C1", "XX")]
    [InlineData(2, "orgs", "add", "it", "--name", "Italy", "--country", "IT")]
    [InlineData(2, "audit", "export", "--from", "yesterday")]
    [InlineData(1, "cases", "members", "add", "C1")]
    public async Task BadInput_ExitsWithItsCodeAndNamesTheProblem(int expected, params string[] args)
    {
        var cli = await SeededAsync();

        var (code, _, err) = await cli.RunAsync(args);

        Assert.Equal(expected, code);
        Assert.NotEmpty(err.Trim());
    }

    [Fact]
    public async Task MembersAndExport_AddedAndRemovedMember_IsInTheCaseAndInTheExportedTrail()
    {
        var cli = await SeededAsync();
        var csv = Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(csv)!);

        Assert.Equal(0, (await cli.RunAsync("cases", "members", "add", "C1", "MT")).Code);
        Assert.Equal(0, (await cli.RunAsync("cases", "members", "remove", "C1", "GR")).Code);
        var list = await cli.RunAsync("cases", "list");
        Assert.Equal(0, (await cli.RunAsync("audit", "export", "--action", "case.member", "--out", csv)).Code);

        Assert.Equal(["C1", "IT", "IT,MT", "Zuwara boats"], list.Out.Trim().Split('\t'));
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal(Core.Audit.AuditCsv.Header, lines[0]);
        Assert.Equal(["case.member.add,case:C1,ok,MT", "case.member.remove,case:C1,ok,GR"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[4..8])));
    }
}
