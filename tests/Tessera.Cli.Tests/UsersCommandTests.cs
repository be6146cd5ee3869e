namespace Tessera.Cli.Tests;

[Collection(CliSerial.Name)]
public sealed class UsersCommandTests
{
    [Fact]
    public async Task AddThenList_ShowsTheUserWithRolesButNoPassword()
    {
        var cli = new CliRun();
        await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT");

        var add = await cli.RunAsync("users", "add", "anna", "--org", "IT", "--roles", "analyst,hub-analyst", "--password", "correct-horse-battery");
        var list = await cli.RunAsync("users", "list");

        Assert.Equal(0, add.Code);
        Assert.Contains("anna\tIT\tAnalyst,HubAnalyst\tenabled", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("correct-horse", list.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--roles", "wizard", "unknown role 'wizard'")]
    [InlineData("--org", "XX", "unknown organisation 'XX'")]
    public async Task Add_BadField_IsBadInputNamingIt(string option, string value, string message)
    {
        var cli = new CliRun();
        await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT");
        string[] args = ["users", "add", "anna", "--org", "IT", "--roles", "analyst", "--password", "correct-horse-battery"];
        args[Array.IndexOf(args, option) + 1] = value;

        var (code, _, err) = await cli.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ShortPassword_IsRefused()
    {
        var cli = new CliRun();
        await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT");

        var (code, _, err) = await cli.RunAsync("users", "add", "anna", "--org", "IT", "--roles", "analyst", "--password", "short");

        Assert.Equal(2, code);
        Assert.Contains("12 characters", err, StringComparison.Ordinal);
    }
}
