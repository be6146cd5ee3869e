using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>The real <c>tessera serve --demo</c> process on a free loopback port, driven by Debian's Chromium through Playwright.</summary>
/// <remarks>Browser tests run when <c>/usr/bin/chromium</c> exists; with <c>TESSERA_REQUIRE_BROWSER=1</c> (as on CI)
/// a missing browser fails them instead. Screenshots of every page go to <c>artifacts/screenshots/</c>.</remarks>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly Process _server;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(Process server, IPlaywright playwright, IBrowser browser, IPage page, string baseUrl)
    {
        _server = server;
        _playwright = playwright;
        _browser = browser;
        Page = page;
        BaseUrl = baseUrl;
    }

    public IPage Page { get; }

    public string BaseUrl { get; }

    public static TheoryData<string> Browsers
    {
        get
        {
            var data = new TheoryData<string>();
            if (File.Exists(ChromiumPath) || Environment.GetEnvironmentVariable("TESSERA_REQUIRE_BROWSER") == "1")
            {
                data.Add("chromium");
            }

            return data;
        }
    }

    public static string ScreenshotFolder => Path.Combine(RepoRoot(), "artifacts", "screenshots");

    public static async Task<BrowserSession> StartAsync()
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var data = Path.Combine(Path.GetTempPath(), "tessera-browser-tests", Guid.NewGuid().ToString("N"));
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var cli = Path.Combine(RepoRoot(), "src", "Tessera.Cli", "bin", configuration, "net10.0", "tessera.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot() };
        foreach (var a in new[] { cli, "serve", "--demo", "--urls", baseUrl })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["TESSERA_DATA"] = data;
        start.Environment.Remove("TESSERA_POSTGRES");
        var server = Process.Start(start)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await WaitForHealthAsync(baseUrl, server);

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "en-GB" });
        page.SetDefaultTimeout(20_000);
        return new BrowserSession(server, playwright, browser, page, baseUrl);
    }

    public async Task SignInAsync(string user, string password = "tessera-demo-2026")
    {
        await Page.GotoAsync(BaseUrl + "/signin");
        await Page.FillAsync("#userName", user);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForSelectorAsync("[data-testid=signed-in-as]");
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
    }

    private static async Task WaitForHealthAsync(string baseUrl, Process server)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException("tessera serve exited with code " + server.ExitCode);
            }

            try
            {
                if ((await http.GetAsync(new Uri(baseUrl + "/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("tessera serve did not answer /health");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tessera.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
