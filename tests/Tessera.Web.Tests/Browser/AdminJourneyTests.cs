using System.Net;
using System.Text.RegularExpressions;

namespace Tessera.Web.Tests.Browser;

/// <summary>The administrator adds an organisation, a user of it and an API token for that user, and revokes the token; the
/// auditor filters the trail (the filter travels in the address) and exports it as CSV; nobody else reaches administration.</summary>
[Collection(BrowserSerial.Name)]
public sealed class AdminJourneyTests(DemoServer server)
{
    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Administrator_AddsOrganisationUserAndToken_ThenRevokesTheToken(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("admin");

        await page.ClickAsync("[data-testid=nav-admin]");
        await page.WaitForSelectorAsync("[data-testid=organisations]");
        await page.FillAsync("input[data-testid=org-code]", "HR");
        await page.FillAsync("input[data-testid=org-name]", "Croatia — Border Police Directorate");
        await page.FillAsync("input[data-testid=org-country]", "HR");
        await page.SelectOptionAsync("[data-testid=org-kind]", "member-state");
        await page.ClickAsync("[data-testid=org-add]");
        await page.WaitForSelectorAsync("[data-testid=org-HR]");
        await session.ScreenshotAsync("20-admin-organisations");

        await page.ClickAsync("[data-testid=admin-tabs] >> text=Users and tokens");
        await page.WaitForSelectorAsync("[data-testid=users]");
        await page.FillAsync("input[data-testid=user-name]", "hr.analyst");
        await page.FillAsync("input[data-testid=user-display]", "Ivana Horvat");
        await page.SelectOptionAsync("[data-testid=user-org]", "HR");
        await page.ClickAsync("[data-testid=user-add]");
        var password = await page.InnerTextAsync("[data-testid=new-password-value]");
        Assert.Contains("hr.analyst", await page.InnerTextAsync("[data-testid='user-hr.analyst']"), StringComparison.Ordinal);
        Assert.Contains("analyst", await page.InnerTextAsync("[data-testid='user-hr.analyst']"), StringComparison.Ordinal);
        await session.ScreenshotAsync("21-admin-users");

        await page.ClickAsync("[data-testid='user-hr.analyst'] a");
        await page.WaitForSelectorAsync("[data-testid=user-caption]");
        await page.FillAsync("input[data-testid=token-label]", "nightly import");
        await page.ClickAsync("[data-testid=token-create]");
        var secret = await page.InnerTextAsync("[data-testid=secret-value]");
        await session.ScreenshotAsync("22-admin-token");
        Assert.StartsWith("tsr_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await TokenAnswersAsync(secret));

        await page.ClickAsync("[data-testid=tokens] [data-testid=revoke]");
        await page.WaitForSelectorAsync("[data-testid=tokens] [data-testid=token-state]:has-text('revoked')");
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAnswersAsync(secret));
        // The secret is shown once: after the revocation it is nowhere on the page.
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        // The new user signs in with the password shown once.
        await using var newcomer = await server.NewSessionAsync();
        await newcomer.SignInAsync("hr.analyst", password);
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Auditor_FiltersTheTrail_SeesSearchTextAndPurpose_AndExportsCsv(string browser)
    {
        Assert.Equal("chromium", browser);
        await using (var analyst = await server.NewSessionAsync())
        {
            await analyst.SignInAsync("gr.analyst");
            var search = await analyst.Page.APIRequest.PostAsync(analyst.BaseUrl + "/api/v1/entities/search", new()
            {
                DataObject = new { query = "Mohammed Ali" },
                Headers = new Dictionary<string, string> { ["X-Tessera-Purpose"] = "OP-ZUWARA follow-up" },
            });
            Assert.True(search.Ok, search.StatusText);
        }

        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("auditor");
        await page.GotoAsync(session.BaseUrl + "/audit");
        await page.WaitForSelectorAsync("[data-testid=entries]");
        await page.FillAsync("input[data-testid=filter-user]", "gr.analyst");
        await page.FillAsync("[data-testid=filter-action]", "entity.search");
        await page.ClickAsync("[data-testid=filter-apply]");
        await page.WaitForSelectorAsync("[data-testid=entry-query]:has-text('Mohammed Ali')");
        Assert.Matches(new Regex(@"/audit\?user=gr\.analyst&action=entity\.search$"), page.Url);
        await session.ScreenshotAsync("23-audit-filtered");

        Assert.All(await page.Locator("[data-testid=entry-who]").AllInnerTextsAsync(), w => Assert.StartsWith("gr.analyst", w, StringComparison.Ordinal));
        Assert.All(await page.Locator("[data-testid=entry-action]").AllInnerTextsAsync(), a => Assert.Equal("entity.search", a.Trim()));
        Assert.Contains("OP-ZUWARA follow-up", await page.Locator("[data-testid=entry-purpose]").AllInnerTextsAsync());

        // The filter is in the address: opening it anew shows the same entries.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-testid=entry-query]:has-text('Mohammed Ali')");
        Assert.Equal("gr.analyst", await page.InputValueAsync("input[data-testid=filter-user]"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-csv]"));
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).Where(l => l.Length > 0).ToList();
        Assert.Equal(Core.Audit.AuditCsv.Header, lines[0]);
        Assert.True(lines.Count >= 2);
        Assert.All(lines.Skip(1), l => Assert.Contains(",gr.analyst,GR,entity.search,", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Mohammed Ali,OP-ZUWARA follow-up", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task NonAdministrators_CannotReachAdministration(string browser)
    {
        Assert.Equal("chromium", browser);
        foreach (var user in new[] { "it.analyst", "auditor" })
        {
            await using var session = await server.NewSessionAsync();
            await session.SignInAsync(user);

            Assert.Equal(0, await session.Page.Locator("[data-testid=nav-admin]").CountAsync());
            foreach (var path in new[] { "/admin", "/admin/users", "/admin/users/it.analyst", "/admin/cases" })
            {
                await session.Page.GotoAsync(session.BaseUrl + path);
                await session.Page.WaitForSelectorAsync("[data-testid=admin-refused]");
                Assert.Equal(0, await session.Page.Locator("[data-testid=admin-tabs], [data-testid=users], [data-testid=organisations]").CountAsync());
                Assert.DoesNotContain("gr.supervisor", await session.Page.ContentAsync(), StringComparison.Ordinal);
            }
        }
    }

    private async Task<HttpStatusCode> TokenAnswersAsync(string secret)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl + "/api/v1/account/tokens"));
        request.Headers.Authorization = new("Bearer", secret);
        return (await http.SendAsync(request)).StatusCode;
    }
}
