using System.Diagnostics;
using System.Text.Json;
using Tessera.Core.Access;
using Tessera.Storage;
using Tessera.Storage.Directory;

namespace Tessera.Cli.Tests.Reporting;

/// <summary><c>tessera report barometer</c> and <c>tessera actions</c> on a store with Frontex's workbook, two organisations and
/// their users: the JSON contract, the HTML and the PDF (its text read back with pdftotext), refusals and bad input.</summary>
[Collection(CliSerial.Name)]
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Barometer_EachFormat_SameDataSameBytesAndTheFiguresOfTheData()
    {
        var cli = await SeedAsync();
        var (set, _, setError) = await cli.RunAsync("actions", "set", "I.3", "under-way", "--as", "it.supervisor", "--evidence", "https://example.org/checks-plan", "--since", "2023-03-01");
        Assert.True(set == 0, setError);

        var json = Path.Combine(cli.Folder, "b.json");
        var (code, output, error) = await cli.RunAsync("report", "barometer", "--from", "2023-01", "--to", "2023-08", "--out", json, "--as", "policy.officer");
        Assert.True(code == 0, error);
        Assert.Contains("b.json", output, StringComparison.Ordinal);
        Assert.Contains("report: contributions", error, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json)))
        {
            var root = doc.RootElement;
            Assert.Equal(("2023-01", "2023-08"), (root.GetProperty("period").GetProperty("from").GetString(), root.GetProperty("period").GetProperty("to").GetString()));
            var action = root.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("organisation").GetString() == "IT" && a.GetProperty("id").GetString() == "I.3");
            Assert.Equal(("I", "under-way"), (action.GetProperty("section").GetString(), action.GetProperty("status").GetString()));
            var detections = root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "picture.detections");
            Assert.Equal(JsonValueKind.Null, detections.GetProperty("organisation").ValueKind);
            Assert.Equal(230_912, detections.GetProperty("value").GetDouble());
            var change = root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "picture.detections.year-earlier");
            Assert.Equal(20.3, change.GetProperty("value").GetDouble(), 1);
        }

        var html = Path.Combine(cli.Folder, "b.html");
        Assert.Equal(0, (await cli.RunAsync("report", "barometer", "--from", "2023-01", "--to", "2023-08", "--out", html, "--as", "policy.officer")).Code);
        var page = await File.ReadAllTextAsync(html);
        Assert.Contains("<h1>Schengen Barometer+</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Appendix — Methodology", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);

        var pdf = Path.Combine(cli.Folder, "b.pdf");
        Assert.Equal(0, (await cli.RunAsync("report", "barometer", "--from", "2023-01", "--to", "2023-08", "--out", pdf, "--as", "policy.officer")).Code);
        var first = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF-"u8.ToArray(), first[..5]);
        var text = PdfToText(pdf);
        Assert.Contains("Schengen Barometer+", text, StringComparison.Ordinal);
        Assert.Contains("I.3 Feed the information systems and check systematically", text, StringComparison.Ordinal);
        Assert.Contains("230,912", text, StringComparison.Ordinal);
        Assert.Contains("Appendix — Methodology", text, StringComparison.Ordinal);

        // The same data gives the same bytes.
        Assert.Equal(0, (await cli.RunAsync("report", "barometer", "--from", "2023-01", "--to", "2023-08", "--out", pdf, "--as", "policy.officer")).Code);
        Assert.Equal(first, await File.ReadAllBytesAsync(pdf));
    }

    [Theory]
    [InlineData(77, "it.analyst", "2023-01", "2023-08", "b.json")]
    [InlineData(2, "policy.officer", "2023-13", "2023-08", "b.json")]
    [InlineData(2, "policy.officer", "2023-09", "2023-08", "b.json")]
    [InlineData(2, "policy.officer", "2023-01", "2023-08", "b.txt")]
    [InlineData(2, "nobody", "2023-01", "2023-08", "b.json")]
    public async Task Barometer_RefusedOrBadInput_DocumentedExitCodeAndNoFile(int expected, string user, string from, string to, string file)
    {
        var cli = await SeedAsync();
        var path = Path.Combine(cli.Folder, file);

        var (code, _, error) = await cli.RunAsync("report", "barometer", "--from", from, "--to", to, "--out", path, "--as", user);

        Assert.True(code == expected, error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ActionsSet_AnotherOrganisationsEvidenceOrAnAnalyst_Refused()
    {
        var cli = await SeedAsync();

        Assert.Equal(77, (await cli.RunAsync("actions", "set", "I.1", "done", "--as", "it.analyst")).Code);
        var (code, _, error) = await cli.RunAsync("actions", "set", "I.1", "done", "--as", "it.supervisor", "--evidence", "case:NOT-OURS");
        Assert.Equal(2, code);
        Assert.Contains("evidence", error, StringComparison.Ordinal);
        var (listed, output, _) = await cli.RunAsync("actions", "list", "--as", "policy.officer");
        Assert.Equal(0, listed);
        Assert.Contains("I.1\tShare information at the beginning of every investigation", output, StringComparison.Ordinal);
    }

    private static async Task<CliRun> SeedAsync()
    {
        var cli = new CliRun();
        await using (var store = await Store.OpenAsync(cli.Storage))
        {
            await store.Directory.AddOrganisationAsync(new Organisation("IT", "Italy", "IT", "member-state"), Principal.System);
            await store.Directory.AddOrganisationAsync(new Organisation("EU-HUB", "EU hub", "EU", "eu-agency"), Principal.System);
            await store.Directory.AddUserAsync(new User("it.analyst", "it.analyst", "IT", new HashSet<Role> { Role.Analyst }, false), "a-long-password-1", Principal.System);
            await store.Directory.AddUserAsync(new User("it.supervisor", "it.supervisor", "IT", new HashSet<Role> { Role.Supervisor }, false), "a-long-password-1", Principal.System);
            await store.Directory.AddUserAsync(new User("policy.officer", "policy.officer", "EU-HUB", new HashSet<Role> { Role.PolicyOfficer }, false), "a-long-password-1", Principal.System);
        }

        var (code, _, error) = await cli.RunAsync("picture", "import", Datasets.Workbook);
        Assert.True(code == 0, error);
        return cli;
    }

    private static string PdfToText(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
