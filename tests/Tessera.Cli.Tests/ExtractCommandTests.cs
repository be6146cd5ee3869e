using System.Text.Json;

namespace Tessera.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tessera-extract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRun.InvokeAsync(null, args);

    [Fact]
    public async Task Extract_JsonLines_IndicatorsPerLineWithId()
    {
        var path = Path.Combine(_dir, "posts.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            """{"id":"p1","text":"Boat from Zuwara, 2000 euros, call +218 91 234 5678"}""",
            """{"id":"p2","text":"IBAN GB82 WEST 1234 5698 7654 32"}""",
        ]);

        var (code, output, _) = await Run("extract", path);

        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(rows, r => r.GetProperty("id").GetString() == "p1" && r.GetProperty("kind").GetString() == "place" && r.GetProperty("value").GetString() == "Zuwara");
        Assert.Contains(rows, r => r.GetProperty("id").GetString() == "p1" && r.GetProperty("kind").GetString() == "phone" && r.GetProperty("value").GetString() == "+218912345678");
        Assert.Contains(rows, r => r.GetProperty("id").GetString() == "p1" && r.GetProperty("kind").GetString() == "price" && r.GetProperty("value").GetString() == "2000 EUR");
        Assert.Contains(rows, r => r.GetProperty("line").GetInt32() == 2 && r.GetProperty("kind").GetString() == "iban");
    }

    [Fact]
    public async Task Extract_PlainText_SpansIntoTheFile()
    {
        var path = Path.Combine(_dir, "note.txt");
        var text = "Contact ali@example.com in Sfax";
        await File.WriteAllTextAsync(path, text);

        var (code, output, _) = await Run("extract", path);

        Assert.Equal(0, code);
        var email = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).Single(r => r.GetProperty("kind").GetString() == "email");
        Assert.Equal("ali@example.com", text.Substring(email.GetProperty("start").GetInt32(), email.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task Extract_JsonLineWithoutText_ExitTwoNamingTheLine()
    {
        var path = Path.Combine(_dir, "bad.jsonl");
        await File.WriteAllLinesAsync(path, ["""{"text":"ok"}""", """{"body":"no text"}"""]);

        var (code, _, error) = await Run("extract", path);

        Assert.Equal(2, code);
        Assert.Contains(":2:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_PostsWithDoubleZeroAndArabicDigits_EveryNumberOnce()
    {
        var path = Path.Combine(_dir, "posts.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            """{"id":"tr","text":"Acil! 0090 532 123 45 67 arayın, 20.12.2026 gece"}""",
            """{"id":"tn","text":"للحجز 00216 98 765 432 أو ٠٠٢١٨ ٩١ ٢٣٤ ٥٦٧٨ السعر ٢٥٠٠ يورو"}""",
            """{"id":"ly","region":"LY","text":"واتساب0925556677 / ۰۰۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹ يوم 12.05.2026"}""",
        ]);

        var (code, output, _) = await Run("extract", path);

        Assert.Equal(0, code);
        var phones = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("kind").GetString() == "phone")
            .Select(r => r.GetProperty("id").GetString() + " " + r.GetProperty("value").GetString()).ToList();
        Assert.Equal(["tr +905321234567", "tn +21698765432", "tn +218912345678", "ly +218925556677", "ly +989123456789"], phones);
    }

    [Fact]
    public async Task Extract_NationalNumberWithRegionOption_ReadInThatRegion()
    {
        var path = Path.Combine(_dir, "post.txt");
        await File.WriteAllTextAsync(path, "Tel:0532.123.45.67 (WhatsApp)");

        var (withRegion, withOutput, _) = await Run("extract", path, "--region", "TR");
        var (without, withoutOutput, _) = await Run("extract", path);

        Assert.Equal(0, withRegion);
        Assert.Contains("\"value\":\"+905321234567\"", withOutput, StringComparison.Ordinal);
        Assert.Equal(0, without);
        Assert.DoesNotContain("\"kind\":\"phone\"", withoutOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_JsonLineWithBadRegion_ExitTwoNamingLineAndField()
    {
        var path = Path.Combine(_dir, "bad-region.jsonl");
        await File.WriteAllLinesAsync(path, ["""{"text":"ok","region":"TR"}""", """{"text":"0532 123 45 67","region":"Turkey"}"""]);

        var (code, _, error) = await Run("extract", path);

        Assert.Equal(2, code);
        Assert.Contains(":2:", error, StringComparison.Ordinal);
        Assert.Contains("region", error, StringComparison.Ordinal);
    }
}
