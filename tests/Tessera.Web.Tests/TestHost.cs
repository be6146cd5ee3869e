using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Tessera.Storage;
using Tessera.Storage.Demo;
using Tessera.Web.Hosting;

namespace Tessera.Web.Tests;

/// <summary>The real web host on the demo workspace in a fresh SQLite store, served in memory.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, Store store)
    {
        App = app;
        Store = store;
    }

    public WebApplication App { get; }

    public Store Store { get; }

    // Seeding hashes ten demo passwords: do it once and copy the database for every test.
    private static readonly Lazy<Task<string>> Template = new(SeedTemplateAsync);

    /// <summary>The providers a web test that reads through storage runs on: SQLite always, PostgreSQL as for storage tests.</summary>
    public static TheoryData<string> Providers => Tessera.Storage.Tests.TestStores.Providers;

    /// <summary>Starts a host on the demo workspace; <paramref name="time"/> is the store's clock, <paramref name="limits"/>
    /// replaces the default rate limits, and <paramref name="map"/> may add endpoints before the host starts.</summary>
    /// <param name="kestrel">Serve on a real Kestrel listener on a free loopback port (its request limits apply), not in memory.</param>
    public static async Task<TestHost> StartAsync(string provider = Tessera.Storage.Tests.TestStores.Sqlite, TimeProvider? time = null,
        RateLimits? limits = null, Action<WebApplication>? map = null, bool kestrel = false)
    {
        Store store;
        StorageOptions options;
        if (provider == Tessera.Storage.Tests.TestStores.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "tessera-web-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var template = await Template.Value;
            File.Copy(template, Path.Combine(folder, "tessera.db"));
            // The copied log is keyed: its audit key goes with it.
            File.Copy(Path.Combine(Path.GetDirectoryName(template)!, "audit.key"), Path.Combine(folder, "audit.key"));
            options = StorageOptions.Sqlite(folder);
            store = await Store.OpenAsync(options, time);
        }
        else
        {
            store = await Tessera.Storage.Tests.TestStores.CreateAsync(provider, time);
            options = store.Options;
            await DemoWorkspace.SeedAsync(store);
        }

        var web = kestrel ? new WebOptions(options, "http://127.0.0.1:0") : new WebOptions(options);
        var builder = TesseraWebHost.CreateBuilder(web with { Limits = limits ?? new RateLimits() }, store);
        if (!kestrel)
        {
            builder.WebHost.UseTestServer();
        }

        var app = TesseraWebHost.Build(builder);
        map?.Invoke(app);
        await app.StartAsync();
        return new TestHost(app, store);
    }

    private static async Task<string> SeedTemplateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tessera-web-tests", "template-" + Guid.NewGuid().ToString("N"));
        await using (var store = await Store.OpenAsync(StorageOptions.Sqlite(folder)))
        {
            await DemoWorkspace.SeedAsync(store);
            await using var connection = await store.ConnectAsync();
            await Dapper.SqlMapper.ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Path.Combine(folder, "tessera.db");
    }

    public HttpClient Anonymous() => NewClient();

    // In memory, or over loopback to the Kestrel listener.
    private HttpClient NewClient() =>
        App.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)) is TestServer
            ? App.GetTestClient()
            : new HttpClient { BaseAddress = new Uri(App.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>A client with an API token of the given demo user.</summary>
    public async Task<HttpClient> AsAsync(string user)
    {
        var token = await Store.Directory.CreateTokenAsync(user, "test");
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Store.DisposeAsync();
    }

    public static Task<HttpResponseMessage> SearchAsync(HttpClient client, string query) =>
        client.PostAsJsonAsync("/api/v1/entities/search", new { query });

    /// <summary>Imports FollowTheMoney JSON lines through the API as the client's organisation.</summary>
    public static async Task<HttpResponseMessage> ImportFtmAsync(HttpClient client, string lines, string handling = "H0", string? caseId = null,
        string file = "import.ftm.json")
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(handling), "handling" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(lines)) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") } }, "file", file },
        };
        if (caseId is not null)
        {
            form.Add(new StringContent(caseId), "case");
        }

        return await client.PostAsync(new Uri("/api/v1/imports/", UriKind.Relative), form);
    }
}
