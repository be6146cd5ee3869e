using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Tessera.ApiClient.Tests.Client;
using Tessera.ApiClient.Tests.Client.Models;
using Tessera.Web.Tests;

namespace Tessera.ApiClient.Tests;

/// <summary>The client generated from the OpenAPI document, compiled here and used against the real host on a Kestrel loopback
/// port: sign-in, search, import and checks, with typed answers and typed refusals.</summary>
public sealed class ServedClientTests
{
    private const string DemoPassword = "tessera-demo-2026";

    // A person no demo file names, so that finding it proves the import went through.
    private const string NewPerson =
        """{"id":"api-client-p-1","schema":"Person","properties":{"name":["Yonas Tesfamariam Haile"],"birthDate":["1991-07-14"],"nationality":["er"]}}""";

    [Theory]
    [MemberData(nameof(TestHost.Providers), MemberType = typeof(TestHost))]
    public async Task SignIn_WithTheSessionCookie_SearchesAndChecksWithTypedAnswers(string provider)
    {
        await using var host = await TestHost.StartAsync(provider, kestrel: true);
        var (client, http) = CookieClient(host);
        using (http)
        {
            await client.Api.V1.Auth.Signin.PostAsync(new SignInRequest { UserName = "de.analyst", Password = DemoPassword });
            var found = await client.Api.V1.Entities.Search.PostAsync(new SearchRequest { Query = "Omar Farouk", Limit = 10 });
            var check = await client.Api.V1.Checks.Person.PostAsync(new PersonCheck { Name = "محمد علي حسن", BirthDate = "1988-02-03" });

            var omar = Assert.Single(found!, e => e.Id == "DE:BPOL-JIT-0031");
            Assert.Equal("Person", omar.Schema);
            Assert.Equal("Omar Farouk", omar.Caption);
            Assert.Equal("hit", check!.Outcome);
        }
    }

    [Theory]
    [MemberData(nameof(TestHost.Providers), MemberType = typeof(TestHost))]
    public async Task Import_MultipartThroughTheClient_IsStoredFoundAndCheckedByAPartner(string provider)
    {
        await using var host = await TestHost.StartAsync(provider, kestrel: true);
        var italy = await BearerClientAsync(host, "it.analyst");
        var malta = await BearerClientAsync(host, "mt.analyst");
        var form = new MultipartBody();
        form.AddOrReplacePart("handling", "text/plain", "H0");
        form.AddOrReplacePart("file", "application/json", System.Text.Encoding.UTF8.GetBytes(NewPerson + "\n"), "api-client.ftm.json");

        var imported = await italy.Api.V1.Imports.PostAsync(form);
        var found = await italy.Api.V1.Entities.Search.PostAsync(new SearchRequest { Query = "Tesfamariam" });
        var check = await malta.Api.V1.Checks.Person.PostAsync(new PersonCheck { Name = "Yonas Tesfamariam Haile", BirthDate = "1991-07-14" });

        Assert.True(imported!.Added);
        Assert.Equal(1, imported.Entities);
        Assert.Empty(imported.Problems!);
        Assert.Equal("Yonas Tesfamariam Haile", Assert.Single(found!).Caption);
        Assert.Equal("hit", check!.Outcome);
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsARefusalWith401AndOpensNothing()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var (client, http) = CookieClient(host);
        using (http)
        {
            var refused = await Assert.ThrowsAnyAsync<ApiException>(() =>
                client.Api.V1.Auth.Signin.PostAsync(new SignInRequest { UserName = "it.analyst", Password = "not-the-password" }));
            var search = await Assert.ThrowsAnyAsync<ApiException>(() =>
                client.Api.V1.Entities.Search.PostAsync(new SearchRequest { Query = "Omar Farouk" }));

            Assert.Equal((int)HttpStatusCode.Unauthorized, refused.ResponseStatusCode);
            Assert.Equal((int)HttpStatusCode.Unauthorized, search.ResponseStatusCode);
            Assert.IsType<Client.Api.V1.Entities.Search.Search401Error>(search);
        }
    }

    [Fact]
    public async Task Import_WithoutAFile_IsATyped400Problem()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var italy = await BearerClientAsync(host, "it.analyst");
        var form = new MultipartBody();
        form.AddOrReplacePart("handling", "text/plain", "H0");

        var refused = await Assert.ThrowsAsync<Client.Api.V1.Imports.ImportResultDto400Error>(() => italy.Api.V1.Imports.PostAsync(form));

        Assert.Equal((int)HttpStatusCode.BadRequest, refused.ResponseStatusCode);
        Assert.Contains("file", refused.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Import_NamingAnotherOrganisationsEntityId_StaysInTheImportersNamespace()
    {
        await using var host = await TestHost.StartAsync(kestrel: true);
        var italy = await BearerClientAsync(host, "it.analyst");
        var germany = await BearerClientAsync(host, "de.analyst");
        var form = new MultipartBody();
        form.AddOrReplacePart("handling", "text/plain", "H0");
        // The id of Germany's Omar Farouk, with another name: an attempt to overwrite a partner's record.
        var hostile = """{"id":"BPOL-JIT-0031","schema":"Person","properties":{"name":["Omar Overwritten"]}}""" + "\n";
        form.AddOrReplacePart("file", "application/json", System.Text.Encoding.UTF8.GetBytes(hostile), "hostile.ftm.json");

        var imported = await italy.Api.V1.Imports.PostAsync(form);
        var ownCopy = await italy.Api.V1.Entities.Search.PostAsync(new SearchRequest { Query = "Omar Overwritten" });
        var german = await germany.Api.V1.Entities.Search.PostAsync(new SearchRequest { Query = "Omar Farouk" });

        Assert.True(imported!.Added);
        Assert.Equal("IT:BPOL-JIT-0031", Assert.Single(ownCopy!).Id);
        Assert.Equal("Omar Farouk", Assert.Single(german!, e => e.Id == "DE:BPOL-JIT-0031").Caption);
    }

    // The session cookie is kept by the handler's cookie container, as a browser keeps it.
    private static (TesseraClient Client, HttpClient Http) CookieClient(TestHost host)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true });
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = BaseUrl(host) };
        return (new TesseraClient(adapter), http);
    }

    // An API token issued to the user, sent by Kiota's bearer authentication provider.
    private static async Task<TesseraClient> BearerClientAsync(TestHost host, string user)
    {
        var token = await host.Store.Directory.CreateTokenAsync(user, "api client");
        var auth = new BaseBearerTokenAuthenticationProvider(new IssuedToken(token, new Uri(BaseUrl(host)).Host));
        return new TesseraClient(new HttpClientRequestAdapter(auth) { BaseUrl = BaseUrl(host) });
    }

    private static string BaseUrl(TestHost host) => host.App.Urls.First().TrimEnd('/');

    private sealed class IssuedToken(string token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? token : string.Empty);
    }
}
