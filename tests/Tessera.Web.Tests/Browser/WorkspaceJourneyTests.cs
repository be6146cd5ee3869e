using System.Text;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>The analyst's workspace: the import wizard with its hit on arrival, the case workspace shared by partners,
/// and the keyboard shortcuts.</summary>
/// <remarks>The import's content is fixed: a second run (or a second test run on the same server) finds it stored already
/// and shows the hits it found when it first arrived, so the shared demo server gains at most one contribution.</remarks>
[Collection(BrowserSerial.Name)]
public sealed class WorkspaceJourneyTests(DemoServer server)
{
    // Malta's intercept of a call by the man Italy stores as it-p-002 (same phone, same birth date), in Italy's column layout,
    // with a second row whose birth date does not exist.
    private const string InterceptCsv =
        "ID_INTERCETTAZIONE;DATA_ORA;NUM_CHIAMANTE;NOME_CHIAMANTE;NATO_IL;NUM_CHIAMATO;NOME_CHIAMATO;DURATA_SEC\n" +
        "MT-RIT-0901;11/06/2026 22:40;+218 92 555 0101;Mohammed Ali Hassan;03/02/1988;+356 7912 3456;Karl Borg;62\n" +
        "MT-RIT-0902;12/06/2026 07:15;+356 7912 3456;Karl Borg;31/02/1990;+218 92 555 0101;Mohammed Ali Hassan;41\n";

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task ImportWizard_FileNamingAStoredPerson_PreviewsProblemsImportsAndTheHitArrives(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;

        await session.SignInAsync("mt.analyst");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=step-file]");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload
        {
            Name = "mt-intercepts.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(InterceptCsv),
        });
        await page.WaitForSelectorAsync("[data-testid=uploaded]");
        await session.ScreenshotAsync("20-import-file");

        await page.ClickAsync("[data-testid=to-step-2]");
        await page.SelectOptionAsync("[data-testid=import-case]", "OP-ZUWARA");
        // H3 needs the restriction in the provider's words before the wizard goes on.
        await page.GetByText("H3 — other restrictions").ClickAsync();
        Assert.Contains("H3 needs", await page.InnerTextAsync("[data-testid=terms-problem]"), StringComparison.Ordinal);
        Assert.True(await page.IsDisabledAsync("[data-testid=to-step-3]"));
        await page.FillAsync("[data-testid=h3-text] input, input[data-testid=h3-text]", "ask the Malta desk first");
        await page.WaitForSelectorAsync("[data-testid=to-step-3]:not([disabled])");
        await page.GetByText("H3 — other restrictions").ClickAsync();
        await session.ScreenshotAsync("21-import-terms");
        await page.ClickAsync("[data-testid=to-step-3]");
        await page.SelectOptionAsync("[data-testid=mapping-preset]", "it-intercepts");
        var problem = await page.WaitForSelectorAsync("[data-testid=problem]");
        await page.WaitForSelectorAsync("[data-testid=preview-entities]");
        await session.ScreenshotAsync("22-import-preview");

        var problemText = await problem!.InnerTextAsync();
        Assert.Contains("mt-intercepts.csv", problemText, StringComparison.Ordinal);
        Assert.Contains("NATO_IL", problemText, StringComparison.Ordinal);
        Assert.Contains("31/02/1990", problemText, StringComparison.Ordinal);
        Assert.Contains("3", await page.InnerTextAsync("[data-testid=problem] td:nth-child(2)"), StringComparison.Ordinal);
        Assert.Contains("Karl Borg", await page.InnerTextAsync("[data-testid=preview-entities]"), StringComparison.Ordinal);

        // Editing the mapping previews again once typing pauses; a mapping error names the file and the field.
        var mappingBox = "[data-testid=mapping-text] textarea, textarea[data-testid=mapping-text]";
        var preset = await page.InputValueAsync(mappingBox);
        await page.FillAsync(mappingBox, preset.Replace("schema: Call", "schema: Phonecall", StringComparison.Ordinal));
        var mappingError = await page.InnerTextAsync("[data-testid=preview-error]");
        await session.ScreenshotAsync("22b-import-mapping-error");
        Assert.Contains("mapping.yml", mappingError, StringComparison.Ordinal);
        Assert.Contains("entities.call.schema", mappingError, StringComparison.Ordinal);
        Assert.True(await page.IsDisabledAsync("[data-testid=import-run]"));
        await page.FillAsync(mappingBox, preset);
        await page.WaitForSelectorAsync("[data-testid=problem]");

        await page.ClickAsync("[data-testid=import-run]");
        await page.WaitForSelectorAsync("[data-testid=import-result]");
        await session.ScreenshotAsync("23-import-result");

        Assert.Equal("Complete.", (await page.InnerTextAsync("[data-testid=import-stage]")).Trim());
        Assert.Equal("100", await page.GetAttributeAsync("[data-testid=import-progress]", "aria-valuenow"));
        Assert.Matches("^[1-9][0-9]* hits? found on arrival$", (await page.InnerTextAsync("[data-testid=hit-count]")).Trim());
        var hit = page.Locator("[data-testid=arrival-hit]").Filter(new() { HasText = "same-person" }).Filter(new() { HasText = "IT · Mohammed Ali Hassan" }).First;
        var mine = await hit.Locator("[data-testid=hit-mine]").GetAttributeAsync("href");
        var explanation = await hit.Locator("[data-testid=open-explanation]").GetAttributeAsync("href");

        await page.ClickAsync("[data-testid=to-hit-inbox]");
        await page.WaitForSelectorAsync("[data-testid=hits]");
        await session.ScreenshotAsync("24-import-hit-in-inbox");
        Assert.True(await page.Locator($"[data-testid=hits] a[href=\"{mine}\"]").CountAsync() > 0, "the imported record's hit is in the inbox");

        await page.GotoAsync(session.BaseUrl + explanation);
        Assert.Contains("Agrees: ", await page.InnerTextAsync("[data-testid=explanation-words]"), StringComparison.Ordinal);
        // The engine's trace is shown on request only.
        await page.ClickAsync("[data-testid=explanation-trace] summary");
        var line = await page.InnerTextAsync("[data-testid=explanation-line]");
        await page.WaitForSelectorAsync("[data-testid=explanation-waterfall]");
        await session.ScreenshotAsync("25-hit-explanation");
        Assert.Contains("prior", line, StringComparison.Ordinal);
        Assert.Contains("total", await page.InnerTextAsync("[data-testid=explanation-waterfall]"), StringComparison.Ordinal);

        // The same file again adds nothing and still shows the hits it found when it first arrived.
        await page.GotoAsync(session.BaseUrl + "/import");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "mt-intercepts.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(InterceptCsv) });
        await page.ClickAsync("[data-testid=to-step-2]");
        await page.SelectOptionAsync("[data-testid=import-case]", "OP-ZUWARA");
        await page.ClickAsync("[data-testid=to-step-3]");
        await page.SelectOptionAsync("[data-testid=mapping-preset]", "it-intercepts");
        await page.WaitForSelectorAsync("[data-testid=problem]");
        await page.ClickAsync("[data-testid=import-run]");
        await page.WaitForSelectorAsync("[data-testid=already-stored]");
        await session.ScreenshotAsync("25b-import-again");
        Assert.True(await page.Locator($"[data-testid=hit-mine][href=\"{mine}\"]").CountAsync() > 0, "the earlier hits are shown again");
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task ImportWizard_PolicyOfficer_HasNoImportLinkAndIsRefused(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();

        await session.SignInAsync("policy.officer");
        Assert.Equal(0, await session.Page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true }).CountAsync());
        await session.Page.GotoAsync(session.BaseUrl + "/import");

        Assert.Contains("may not contribute", await session.Page.InnerTextAsync("[data-testid=import-refused]"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task CaseWorkspace_MemberAddsANote_NonMemberSeesNothing(string browser)
    {
        Assert.Equal("chromium", browser);
        var note = "Skipper expected at Zuwara again, check " + Guid.NewGuid().ToString("N")[..8];
        await using (var italian = await server.NewSessionAsync())
        {
            var page = italian.Page;
            await italian.SignInAsync("it.analyst");
            await page.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true }).ClickAsync();
            await page.WaitForSelectorAsync("[data-testid=cases]");
            await italian.ScreenshotAsync("26-cases");
            Assert.Equal(0, await page.Locator("[data-testid=case-OP-BALKAN]").CountAsync());

            await page.ClickAsync("[data-testid=case-OP-ZUWARA]");
            await page.WaitForSelectorAsync("[data-testid=case-contributions]");
            var members = await page.InnerTextAsync("[data-testid=case-members]");
            Assert.Contains("IT (owner)", members, StringComparison.Ordinal);
            Assert.Contains("MT", members, StringComparison.Ordinal);
            Assert.Contains("EU-HUB", members, StringComparison.Ordinal);
            var contributions = await page.InnerTextAsync("[data-testid=case-contributions]");
            Assert.Contains("H0,H1", contributions, StringComparison.Ordinal);
            Assert.Contains("case data", contributions, StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("[data-testid=case-link-chart] a[href^='/network']").CountAsync());
            await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=case-link-chart] [data-testid=node-count]')?.textContent) > 0");

            await page.FillAsync("[data-testid=note-text] textarea, textarea[data-testid=note-text]", note);
            await page.ClickAsync("[data-testid=note-add]");
            await page.WaitForSelectorAsync($"[data-testid=case-note]:has-text('{note}')");
            await italian.ScreenshotAsync("27-case-workspace");
            var added = await page.InnerTextAsync($"[data-testid=case-note]:has-text('{note}')");
            Assert.Contains("it.analyst · IT", added, StringComparison.Ordinal);
        }

        await using var german = await server.NewSessionAsync();
        await german.SignInAsync("de.analyst");
        await german.Page.GotoAsync(german.BaseUrl + "/cases/OP-ZUWARA");
        await german.Page.WaitForSelectorAsync("[data-testid=not-found]");
        await german.ScreenshotAsync("28-case-not-a-member");

        var content = await german.Page.ContentAsync();
        Assert.DoesNotContain("Zuwara boats", content, StringComparison.Ordinal);
        Assert.DoesNotContain(note, content, StringComparison.Ordinal);
        await german.Page.GotoAsync(german.BaseUrl + "/cases");
        await german.Page.WaitForSelectorAsync("[data-testid=cases]");
        Assert.Equal(0, await german.Page.Locator("[data-testid=case-OP-ZUWARA]").CountAsync());
    }

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task Keyboard_GThenH_GoesToHits_QuestionMarkOpensHelp_TypingDoesNotNavigate(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;

        await session.SignInAsync("it.analyst");
        // Typing in the search box is text, never a shortcut.
        await page.FillAsync("[data-testid=search-box] input, input[data-testid=search-box]", "");
        await page.Keyboard.TypeAsync("gh");
        Assert.Equal(session.BaseUrl + "/", page.Url);

        await page.GotoAsync(session.BaseUrl + "/cases");
        await page.WaitForSelectorAsync("[data-testid=cases]");
        // The skip link, off screen until focused, moves focus to the page's content.
        await page.FocusAsync("a.skip-link");
        var box = await page.Locator("a.skip-link").BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 }, "the focused skip link is on screen");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(session.BaseUrl + "/cases", page.Url);

        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("h");
        await page.WaitForURLAsync(session.BaseUrl + "/hits");
        await page.WaitForSelectorAsync("[data-testid=hits], [data-testid=no-hits]");
        await session.ScreenshotAsync("29-keys-g-h");

        await page.Keyboard.PressAsync("?");
        var help = await page.WaitForSelectorAsync("[data-testid=keys-help]", new() { State = WaitForSelectorState.Visible });
        await session.ScreenshotAsync("30-keys-help");
        var text = await help!.InnerTextAsync();
        Assert.Contains("Go to hits", text, StringComparison.Ordinal);
        Assert.Contains("Focus the search box", text, StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("/");
        await page.WaitForURLAsync(session.BaseUrl + "/");
        await page.WaitForSelectorAsync("[data-testid=search-box]");
    }
}
