using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Tessera.Storage;
using Tessera.Storage.Demo;
using Tessera.Storage.Tests;
using Tessera.Web.Hosting;

namespace Tessera.Web.Tests.Auth;

/// <summary>Two nodes on one database share the cookie keys through it: a user signed in on one node is signed in on the other,
/// and on a node started later.</summary>
public sealed class SharedKeyRingTests
{
    private const string Entity = "/api/v1/entities/IT:it-p-001";

    [Theory]
    [MemberData(nameof(TestHost.Providers), MemberType = typeof(TestHost))]
    public async Task Cookie_SignedInOnOneNode_IsAcceptedByTheOtherAndByALaterNode(string provider)
    {
        StorageOptions options;
        await using (var seed = await TestStores.CreateAsync(provider))
        {
            options = seed.Options;
            await DemoWorkspace.SeedAsync(seed);
        }

        await using var first = await Node.StartAsync(options);
        await using var second = await Node.StartAsync(options);
        var cookie = await Cookies.SignInAsync(first.Client, "it.analyst");

        var onFirst = await Cookies.GetAsync(first.Client, Entity, cookie);
        var onSecond = await Cookies.GetAsync(second.Client, Entity, cookie);
        HttpStatusCode onLater;
        await using (var later = await Node.StartAsync(options))
        {
            onLater = (await Cookies.GetAsync(later.Client, Entity, cookie)).StatusCode;
        }

        var anonymous = await second.Client.GetAsync(new Uri(Entity, UriKind.Relative));
        var keys = await first.Store.Directory.ProtectionKeys.AllAsync();

        Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onLater);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // The first node created the key; the others read it instead of making their own.
        Assert.Single(keys);
    }

    [Theory]
    [MemberData(nameof(TestHost.Providers), MemberType = typeof(TestHost))]
    public async Task Cookie_SignedOutOnOneNode_IsRefusedByTheOther(string provider)
    {
        await using var seed = await TestStores.CreateAsync(provider);
        await DemoWorkspace.SeedAsync(seed);
        await using var first = await Node.StartAsync(seed.Options);
        await using var second = await Node.StartAsync(seed.Options);
        var cookie = await Cookies.SignInAsync(first.Client, "it.analyst");

        var signOut = await Cookies.SendAsync(first.Client, HttpMethod.Post, "/api/v1/auth/signout", cookie);
        var after = await Cookies.GetAsync(second.Client, Entity, cookie);

        Assert.True(signOut.IsSuccessStatusCode, signOut.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task AddKey_SameNameTwice_KeepsTheFirst()
    {
        await using var store = await TestStores.CreateAsync(TestStores.Sqlite);

        await store.Directory.ProtectionKeys.AddAsync("key-1", "<key id=\"1\">first</key>");
        await store.Directory.ProtectionKeys.AddAsync("key-1", "<key id=\"1\">second</key>");

        Assert.Equal(["<key id=\"1\">first</key>"], await store.Directory.ProtectionKeys.AllAsync());
    }

    // One node: its own Store on the shared database, its own host, served in memory.
    private sealed class Node : IAsyncDisposable
    {
        private Node(WebApplication app, Store store)
        {
            App = app;
            Store = store;
            Client = app.GetTestClient();
        }

        public WebApplication App { get; }

        public Store Store { get; }

        public HttpClient Client { get; }

        public static async Task<Node> StartAsync(StorageOptions options)
        {
            var store = await Store.OpenAsync(options);
            var builder = TesseraWebHost.CreateBuilder(new WebOptions(options), store);
            builder.WebHost.UseTestServer();
            var app = TesseraWebHost.Build(builder);
            await app.StartAsync();
            return new Node(app, store);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
            await Store.DisposeAsync();
        }
    }
}
