using System.Text;
using Microsoft.Playwright;

namespace Tessera.Web.Tests.Browser;

/// <summary>The import wizard's column mapper: a file no mapping fits is mapped by pointing at its columns, previewed with
/// its problems, saved as YAML and imported.</summary>
[Collection(BrowserSerial.Name)]
public sealed class ColumnMapperJourneyTests(DemoServer server)
{
    // A crew list as a Maltese desk might keep it: headers in its own words, one bad date.
    private const string CrewCsv =
        "Crew ID;Full name;Date of birth;Nationality;Mobile\n" +
        "MT-C-1;Ahmed Salem Farouk;1990-04-12;Libya;+218 91 700 1122\n" +
        "MT-C-2;Ibrahim Tarek Mansour;31/02/1985;Egypt;+20 100 555 0199\n" +
        "MT-C-3;Samir Nouri Jaballah;1979-11-30;Tunisia;\n";

    [Theory]
    [MemberData(nameof(BrowserSession.Browsers), MemberType = typeof(BrowserSession))]
    public async Task ImportWizard_MapColumnsByPointing_PreviewsSavesAsYamlAndImports(string browser)
    {
        Assert.Equal("chromium", browser);
        await using var session = await server.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsync("mt.analyst");

        await page.GotoAsync(session.BaseUrl + "/import");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "crew-list.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(CrewCsv) });
        await page.ClickAsync("[data-testid=to-step-2]");
        await page.ClickAsync("[data-testid=to-step-3]");
        await page.WaitForSelectorAsync("[data-testid=column-mapper]");

        // Every column of the file is offered, with its sample values once chosen.
        var offered = await page.Locator("[data-testid=map-name] option").AllInnerTextsAsync();
        Assert.Equal(["Crew ID", "Full name", "Date of birth", "Nationality", "Mobile"], offered.Skip(1));
        await page.SelectOptionAsync("[data-testid=mapper-schema]", "Person");
        await page.SelectOptionAsync("[data-testid=mapper-id]", "Crew ID");
        await page.SelectOptionAsync("[data-testid=map-name]", "Full name");
        await page.SelectOptionAsync("[data-testid=map-birthDate]", "Date of birth");
        await page.SelectOptionAsync("[data-testid=map-nationality]", "Nationality");
        await page.SelectOptionAsync("[data-testid=map-phone]", "Mobile");
        await page.WaitForSelectorAsync("[data-testid=preview-entities]:has-text('Samir Nouri Jaballah')");
        Assert.Contains("Ahmed Salem Farouk", await page.InnerTextAsync("[data-testid=mapper-properties]"), StringComparison.Ordinal);

        // The live preview names the bad date by file, line and column.
        var problem = await page.InnerTextAsync("[data-testid=problem]");
        await session.ScreenshotAsync("screens-column-mapper");
        Assert.Contains("crew-list.csv", problem, StringComparison.Ordinal);
        Assert.Contains("Date of birth", problem, StringComparison.Ordinal);
        Assert.Contains("31/02/1985", problem, StringComparison.Ordinal);

        // Saved as the YAML the import reads; the same text is there to edit.
        var saved = Uri.UnescapeDataString((await page.GetAttributeAsync("[data-testid=save-mapping]", "href"))!);
        Assert.StartsWith("data:text/yaml", saved, StringComparison.Ordinal);
        Assert.Contains("schema: Person", saved, StringComparison.Ordinal);
        Assert.Contains("birthDate: \"Date of birth\"", saved, StringComparison.Ordinal);
        Assert.Equal("crew-list.mapping.yml", await page.GetAttributeAsync("[data-testid=save-mapping]", "download"));
        await page.ClickAsync("[data-testid=edit-as-text]");
        var text = await page.InputValueAsync("[data-testid=mapping-text] textarea, textarea[data-testid=mapping-text]");
        Assert.Equal(saved["data:text/yaml;charset=utf-8,".Length..], text);

        await page.ClickAsync("[data-testid=import-run]");
        await page.WaitForSelectorAsync("[data-testid=import-result]");
        Assert.Equal("Complete.", (await page.InnerTextAsync("[data-testid=import-stage]")).Trim());

        // The records are stored with the mapped values, under the provider's own id.
        await page.GotoAsync(session.BaseUrl + "/search?q=" + Uri.EscapeDataString("Ahmed Salem Farouk"));
        await page.ClickAsync("[data-testid=result] a[href*='MT-C-1']");
        await page.WaitForSelectorAsync("[data-testid=entity-values]");
        var values = await page.InnerTextAsync("[data-testid=entity-values]");
        Assert.Contains("Ahmed Salem Farouk", values, StringComparison.Ordinal);
        Assert.Contains("1990-04-12", values, StringComparison.Ordinal);
        Assert.Contains("+218917001122", values, StringComparison.Ordinal);
    }
}
