using Tessera.Web.Tests;

namespace Tessera.ApiClient.Tests;

/// <summary>The client in <c>Client/</c> was generated from <c>openapi/v1.json</c>; the served document must still be that one,
/// or the client no longer says what the server does.</summary>
public sealed class DocumentDriftTests
{
    [Fact]
    public async Task ServedDocument_IsTheOneTheClientWasGeneratedFrom()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);

        var served = Normalise(await host.Anonymous().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var committed = Normalise(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi", "v1.json")));

        if (served != committed)
        {
            var artifacts = RepositoryPaths.Combine("artifacts", "openapi");
            Directory.CreateDirectory(artifacts);
            await File.WriteAllTextAsync(Path.Combine(artifacts, "v1.json"), served);
            Assert.Fail("The served OpenAPI document differs from tests/Tessera.ApiClient.Tests/openapi/v1.json, which the client was generated from. "
                + "The served one is in artifacts/openapi/v1.json; regenerate the client as tests/Tessera.ApiClient.Tests/README.md says "
                + "(copy the document, run kiota generate) and commit both. First difference at character "
                + FirstDifference(served, committed).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
