using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>The real <c>tessera serve --demo</c> process on a free loopback port and Debian's Chromium, shared by the browser tests.</summary>
/// <remarks>Browser tests run when <c>/usr/bin/chromium</c> exists; with <c>TESSERA_REQUIRE_BROWSER=1</c> (as on CI)
/// a missing browser fails them instead.</remarks>
public sealed class DemoServer : IAsyncLifetime
{
    private Process? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserSession.ChromiumPath) && Environment.GetEnvironmentVariable("TESSERA_REQUIRE_BROWSER") != "1")
        {
            return;
        }

        (_server, BaseUrl) = await BrowserSession.StartServerAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserSession.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (no cookies) on the shared server, its browser asking for <paramref name="locale"/>.</summary>
    public async Task<BrowserSession> NewSessionAsync(string locale = "en-GB")
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = locale });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return new BrowserSession(context, page, BaseUrl);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
    }
}

/// <summary>One signed-out browser context on the demo server. Screenshots of every page go to <c>artifacts/screenshots/</c>.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IBrowserContext _context;

    internal BrowserSession(IBrowserContext context, IPage page, string baseUrl)
    {
        _context = context;
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

    public static string ScreenshotFolder => Path.Combine(Tessera.Tests.RepositoryPaths.Root, "artifacts", "screenshots");

    internal static async Task<(Process Server, string BaseUrl)> StartServerAsync()
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var data = Path.Combine(Path.GetTempPath(), "tessera-browser-tests", Guid.NewGuid().ToString("N"));
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var cli = Path.Combine(Tessera.Tests.RepositoryPaths.Root, "src", "Tessera.Cli", "bin", configuration, "net10.0", "tessera.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Tessera.Tests.RepositoryPaths.Root };
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
        return (server, baseUrl);
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

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private static async Task WaitForHealthAsync(string baseUrl, Process server)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(240);
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
}
