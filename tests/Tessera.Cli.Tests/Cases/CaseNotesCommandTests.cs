namespace Tessera.Cli.Tests.Cases;

/// <summary><c>tessera cases note|notes</c>: members of a case write and read its notes; others are told there is no such case.</summary>
[Collection(CliSerial.Name)]
public sealed class CaseNotesCommandTests
{
    [Fact]
    public async Task NoteThenNotes_Member_ShowsTheNoteWithOrganisation()
    {
        var cli = await SetUpAsync();

        var add = await cli.RunAsync("cases", "note", "C1", "--org", "GR", "--text", "arrests at Evros linked to the Zuwara cell");
        var notes = await cli.RunAsync("cases", "notes", "C1", "--org", "IT");

        Assert.Equal(0, add.Code);
        Assert.Contains("added to C1", add.Out, StringComparison.Ordinal);
        Assert.Equal(0, notes.Code);
        Assert.Contains("\tGR\tcli:GR\tarrests at Evros linked to the Zuwara cell", notes.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoteAndNotes_NotAMember_ExitTwoAndStoreNothing()
    {
        var cli = await SetUpAsync();

        var add = await cli.RunAsync("cases", "note", "C1", "--org", "MT", "--text", "let me in");
        var read = await cli.RunAsync("cases", "notes", "C1", "--org", "MT");
        var member = await cli.RunAsync("cases", "notes", "C1", "--org", "IT");

        Assert.Equal((2, 2), (add.Code, read.Code));
        Assert.Contains("no such case", read.Err, StringComparison.Ordinal);
        Assert.Equal("", read.Out);
        Assert.Equal("", member.Out);
    }

    [Fact]
    public async Task Note_EmptyText_ExitTwoNamingTheField()
    {
        var cli = await SetUpAsync();

        var add = await cli.RunAsync("cases", "note", "C1", "--org", "IT", "--text", " ");

        Assert.Equal(2, add.Code);
        Assert.Contains("text", add.Err, StringComparison.Ordinal);
    }

    private static async Task<CliRun> SetUpAsync()
    {
        var cli = new CliRun();
        foreach (var (code, name) in new[] { ("IT", "Italy"), ("GR", "Greece"), ("MT", "Malta") })
        {
            Assert.Equal(0, (await cli.RunAsync("orgs", "add", code, "--name", name, "--country", code)).Code);
        }

        Assert.Equal(0, (await cli.RunAsync("cases", "add", "C1", "--title", "Zuwara boats", "--owner", "IT", "--members", "GR")).Code);
        return cli;
    }
}
