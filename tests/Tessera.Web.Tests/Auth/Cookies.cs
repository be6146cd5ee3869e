using System.Net.Http.Json;

namespace Tessera.Web.Tests.Auth;

/// <summary>Signs in through the JSON endpoint and replays the session cookie by hand, as an attacker with a copy would.</summary>
internal static class Cookies
{
    public const string DemoPassword = "tessera-demo-2026";

    public static async Task<string> SignInAsync(HttpClient client, string user, string password = DemoPassword)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { userName = user, password });
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tessera=", StringComparison.Ordinal)).Split(';')[0];
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string cookie) => SendAsync(client, HttpMethod.Get, path, cookie);
}
