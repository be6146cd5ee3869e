using System.Text.Json;

namespace Tessera.Web.Tests.Hosting;

/// <summary>The OpenAPI document a client generator can use: security on every protected operation, the problem responses
/// it can give, multipart request bodies with their fields, no host-derived server. The document is also written to
/// artifacts/openapi/v1.json, where CI lints it with Redocly's recommended rules (.ci/run).</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Document_DeclaresSecurityResponsesAndBodies()
    {
        await using var host = await TestHost.StartAsync();

        var text = await host.Anonymous().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var artifacts = RepositoryPaths.Combine("artifacts", "openapi");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "v1.json"), text);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;

        // One relative server, never the request's host.
        Assert.Equal("/", Assert.Single(root.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal(2, root.GetProperty("security").GetArrayLength());
        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object).Select(m => (Path: p.Name, Method: m.Name, Op: m.Value)))
            .ToList();
        Assert.True(operations.Count > 30, $"{operations.Count} operations");
        foreach (var (path, method, op) in operations)
        {
            var anonymous = op.TryGetProperty("security", out var sec) && sec.EnumerateArray().Any(r => !r.EnumerateObject().Any());
            var responses = op.GetProperty("responses");
            Assert.True(anonymous || responses.TryGetProperty("401", out _), $"{method} {path} declares no 401");
            Assert.True(anonymous || responses.TryGetProperty("403", out _), $"{method} {path} declares no 403");
            Assert.True(!path.Contains('{', StringComparison.Ordinal) || responses.TryGetProperty("404", out _), $"{method} {path} declares no 404");
        }

        // The public ones are exactly sign-in and the health check.
        Assert.Equal(["get /health", "post /api/v1/auth/signin"],
            operations.Where(o => o.Op.TryGetProperty("security", out var s) && s.EnumerateArray().Any(r => !r.EnumerateObject().Any()))
                .Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal).ToList());
        var import = root.GetProperty("paths").GetProperty("/api/v1/imports").GetProperty("post");
        var form = import.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        Assert.True(form.GetProperty("properties").TryGetProperty("handling", out _));
        Assert.Equal("file", form.GetProperty("required")[0].GetString());
        Assert.True(import.GetProperty("responses").TryGetProperty("413", out _));
        Assert.True(root.GetProperty("paths").GetProperty("/api/v1/imports/preview").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").TryGetProperty("multipart/form-data", out _));
    }
}
