using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.Web.Tests.Hosting;

public sealed class AuditEndpointTests
{
    [Fact]
    public async Task Verify_AsAuditor_IsIntact()
    {
        await using var host = await TestHost.StartAsync();

        var result = await (await (await host.AsAsync("auditor")).PostAsync(new Uri("/api/v1/audit/verify", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.True(result.GetProperty("checked").GetInt64() > 10);
    }

    [Theory]
    [InlineData("it.analyst")]
    [InlineData("admin")]
    [InlineData("policy.officer")]
    public async Task Entries_AnyoneButAnAuditor_IsRefusedAndTheRefusalAudited(string user)
    {
        await using var host = await TestHost.StartAsync();

        var response = await (await host.AsAsync(user)).GetAsync(new Uri("/api/v1/audit", UriKind.Relative));
        var count = await host.Store.Audit.CountAsync();
        Core.Audit.AuditEntry? last = null;
        await foreach (var e in host.Store.Audit.ReadAsync(count))
        {
            last = e;
        }

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(("audit.read", "Deny", user), (last!.Action, last.Outcome, last.Actor));
    }
}
