using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tessera.Web.Tests.Hosting;

/// <summary>Every bad input reaches a problem-details answer naming what is wrong (400, 404 or 413), never a bare 500.</summary>
public sealed class BadInputTests
{
    private const string PersonMapping = "entities:\n  p:\n    schema: Person\n    id: \"{id}\"\n    properties: { name: name }\n";
    private const string Ftm = """{"id":"it-bad-1","schema":"Person","properties":{"name":["Ali Hassan"]}}""";

    [Theory]
    [InlineData("bad-quote.csv", "id,name\np1,\"Ali Hassan\n", PersonMapping, null, 400, 2)]
    [InlineData("text.xlsx", "id,name\np1,Ali\n", PersonMapping, null, 400, null)]
    [InlineData("broken.ftm.json", Ftm + "\n{\"id\": \"p2\", \"schema\":", null, null, 400, 2)]
    [InlineData("people.csv", "id,name\np1,Ali\n", null, null, 400, null)]
    [InlineData("people.csv", "id,name\np1,Ali\n", "entities: [", null, 400, null)]
    [InlineData("people.csv", "id,name\np1,Ali\n", "entities:\n  p: { schema: Nothing, properties: { name: name } }\n", null, 400, null)]
    [InlineData("nul.ftm.json", """{"id":"it-bad-2","schema":"Person","properties":{"name":["Ali\u0000Hassan"]}}""", null, null, 400, 1)]
    [InlineData("nul.csv", "id,name\np1,Ali\u0000Hassan\n", PersonMapping, null, 400, 2)]
    [InlineData("people.ftm.json", Ftm, null, "NO-SUCH-CASE", 404, null)]
    [InlineData("people.ftm.json", Ftm, null, "OP-BALKAN", 404, null)]
    public async Task Import_BadInput_AnswersProblemDetailsNotServerError(string file, string content, string? mapping, string? caseId, int status, int? line)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        // A preview stores nothing, so only the import itself checks the case.
        foreach (var path in caseId is null ? ["/api/v1/imports/preview", "/api/v1/imports/"] : new[] { "/api/v1/imports/" })
        {
            var response = await PostAsync(client, path, file, Encoding.UTF8.GetBytes(content), mapping, caseId);

            var problem = await ProblemAsync(response, status);
            if (line is not null && status == 400)
            {
                Assert.Equal(file, problem.GetProperty("file").GetString());
                Assert.Equal(line, problem.GetProperty("line").GetInt32());
            }
        }
    }

    [Fact]
    public async Task Import_WorkbookWithExternalEntity_Answers400NamingTheDtd()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            sheet.Write("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>");
        }

        var response = await PostAsync(client, "/api/v1/imports/preview", "xxe.xlsx", buffer.ToArray(), PersonMapping, null);

        Assert.Contains("DTD", (await ProblemAsync(response, 400)).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidUtf8_Answers400NamingTheLine()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");
        byte[] content = [.. Encoding.UTF8.GetBytes("id,name\np1,Müller\np2,Ol"), 0xFF, .. "a\n"u8];

        var response = await PostAsync(client, "/api/v1/imports/preview", "names.csv", content, PersonMapping, null);

        var problem = await ProblemAsync(response, 400);
        Assert.Equal((3, "encoding"), (problem.GetProperty("line").GetInt32(), problem.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Search_QueryOf50001Characters_Answers400()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("gr.analyst");

        var response = await TestHost.SearchAsync(client, new string('9', 50_001));

        Assert.Equal("query", (await ProblemAsync(response, 400)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Search_BodyNestedDeeperThanTheCap_Answers400()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("gr.analyst");
        var body = "{\"query\":\"Ali\",\"limit\":5,\"x\":" + new string('[', 100) + new string(']', 100) + "}";

        var response = await client.PostAsync(new Uri("/api/v1/entities/search", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAsync(response, 400);
    }

    [Fact]
    public async Task Search_MalformedJson_Answers400()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("gr.analyst");

        var response = await client.PostAsync(new Uri("/api/v1/entities/search", UriKind.Relative), new StringContent("{\"query\": ", Encoding.UTF8, "application/json"));

        await ProblemAsync(response, 400);
    }

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string file, byte[] content, string? mapping, string? caseId)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", file } };
        if (mapping is not null)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(mapping)), "mapping", "mapping.yml");
        }

        if (caseId is not null)
        {
            form.Add(new StringContent(caseId), "case");
        }

        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
