using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Tessera.Cli.Tests.Packaging;

/// <summary>The self-contained folder of <c>packaging/publish.sh</c>, started as an operator would: from a directory far from
/// the source tree, with nothing of the repository around it.</summary>
[Collection(PublishedFolder.Name)]
public sealed class PublishedDemoTests(PublishedFolder published)
{
    [Fact]
    public async Task ServeDemo_FromThePublishedFolderOutsideTheRepository_SeedsAndAnswers()
    {
        var cwd = Directory.CreateTempSubdirectory("tessera-published-cwd-").FullName;
        var port = FreePort();
        var server = Start(Path.Combine(published.Folder, "tessera"), cwd, "serve", "--demo", "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitForAsync(http, server.Process, TimeSpan.FromMinutes(3));

            var signInPage = await http.GetStringAsync(new Uri("/signin", UriKind.Relative));
            var signIn = await http.PostAsJsonAsync("/api/v1/auth/signin", new { userName = "hub.analyst", password = "tessera-demo-2026" });
            var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tessera=", StringComparison.Ordinal)).Split(';')[0];
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/picture/summary?from=2024-01&to=2024-12");
            request.Headers.Add("Cookie", cookie);
            var summary = await http.SendAsync(request);
            using var body = JsonDocument.Parse(await summary.Content.ReadAsStringAsync());

            Assert.Contains("Tessera", signInPage, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
            // Frontex's workbook, read from the copy shipped in the published folder, fills the picture.
            Assert.True(body.RootElement.GetProperty("total").GetInt64() > 0, body.RootElement.GetRawText());
            Assert.True(File.Exists(Path.Combine(cwd, "data", "demo", "tessera.db")), "the demo store lives in ./data/demo of the working directory");
            Assert.False(File.Exists(Path.Combine(published.Folder, "data", "demo", "tessera.db")), "nothing is written next to the program");
        }
        finally
        {
            server.Process.Kill(entireProcessTree: true);
            await server.Process.WaitForExitAsync();
            server.Process.Dispose();
        }

        Assert.DoesNotContain("Unhandled exception", server.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedFolder_CarriesTheDemoFilesAndTheirLicences()
    {
        var demo = Path.Combine(published.Folder, "demo");

        var (code, _, err) = await RunAsync(Path.Combine(published.Folder, "tessera"), Directory.CreateTempSubdirectory("tessera-published-cwd-").FullName, "--help");

        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.True(File.Exists(Path.Combine(demo, "it-intercepts.csv")));
        Assert.True(File.Exists(Path.Combine(demo, "datasets", "frontex-ibc", "frontex_monthly_detections_of_IBC_FRAN_2025-06-03.xlsx")));
        Assert.True(File.Exists(Path.Combine(demo, "datasets", "frontex-ibc", "README.md")));
        Assert.True(File.Exists(Path.Combine(demo, "datasets", "frontex-ibc", "italy-cruscotto", "LICENSE.md")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForAsync(HttpClient http, Process process, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            Assert.False(process.HasExited, "the published server stopped before it answered");
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        Assert.Fail("the published server did not answer /health within " + limit);
    }

    internal static (Process Process, System.Text.StringBuilder Output) Start(string program, string cwd, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // The operator's environment, not the test run's: no data folder or database named for it.
        info.Environment.Remove("TESSERA_DATA");
        info.Environment.Remove("TESSERA_POSTGRES");
        info.Environment.Remove("TESSERA_AUDIT_KEY_FILE");
        var output = new System.Text.StringBuilder();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    internal static async Task<(int Code, string Out, string Err)> RunAsync(string program, string cwd, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>One publish per test run (<c>packaging/publish.sh</c> into a temporary folder), shared by the tests that start it.</summary>
public sealed class PublishedFolder : IDisposable
{
    public const string Name = "published";

    public PublishedFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "tessera-published-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(RepositoryPaths.Combine("packaging", "publish.sh"));
        info.ArgumentList.Add(Folder);
        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        if (!publish.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            publish.Kill(entireProcessTree: true);
            throw new TimeoutException("packaging/publish.sh took longer than 15 minutes");
        }

        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"packaging/publish.sh failed ({publish.ExitCode}): {stdout.Result}{stderr.Result}");
        }
    }

    public string Folder { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping server: the temporary folder is cleaned by the system.
        }
    }
}

[CollectionDefinition(PublishedFolder.Name)]
public sealed class PublishedFolderGroup : ICollectionFixture<PublishedFolder>;
