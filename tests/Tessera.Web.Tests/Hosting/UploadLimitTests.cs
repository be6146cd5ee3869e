using System.Text;

namespace Tessera.Web.Tests.Hosting;

/// <summary>The documented 50 MB upload cap holds on a real Kestrel listener: a 35 MB file is read, a larger request answers
/// 413, and a zip bomb under the cap is refused as bad input.</summary>
public sealed class UploadLimitTests
{
    private const string NoteMapping = "entities:\n  p:\n    schema: Person\n    id: \"{id}\"\n    properties: { name: name, notes: note }\n";

    [Fact]
    public async Task Upload_35MegabytesThen51_FirstIsReadSecondAnswers413()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var client = await host.AsAsync("it.analyst");

        var within = await BadInputTests.PostAsync(client, "/api/v1/imports/preview", "big.csv", Csv(35L * 1024 * 1024), NoteMapping, null);
        Assert.True(within.IsSuccessStatusCode, await within.Content.ReadAsStringAsync());

        var over = await BadInputTests.PostAsync(client, "/api/v1/imports/preview", "big.csv", Csv(51L * 1024 * 1024), NoteMapping, null);
        await BadInputTests.ProblemAsync(over, 413);
    }

    [Fact]
    public async Task Upload_XlsxZipBomb_Answers400()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var client = await host.AsAsync("it.analyst");
        var path = Path.Combine(Path.GetTempPath(), "tessera-bomb-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            ZipBomb.Write(path);

            var response = await BadInputTests.PostAsync(client, "/api/v1/imports/preview", "bomb.xlsx", await File.ReadAllBytesAsync(path), NoteMapping, null);

            Assert.Contains("expands to", (await BadInputTests.ProblemAsync(response, 400)).GetProperty("title").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Rows of about 100 bytes, so the size stays far inside the row cap.
    private static byte[] Csv(long bytes)
    {
        var text = new StringBuilder("id,name,note\n");
        var row = 0;
        while (text.Length < bytes)
        {
            text.Append('p').Append(row++).Append(",Ali Hassan,").Append('x', 80).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
