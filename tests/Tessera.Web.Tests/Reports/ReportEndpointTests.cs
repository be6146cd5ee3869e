using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.Web.Tests.Reports;

/// <summary>The Barometer+ over the API on the demo workspace: policy officers and supervisors get the report in every format,
/// analysts are refused; statuses are set only for the caller's own organisation.</summary>
public sealed class ReportEndpointTests
{
    [Fact]
    public async Task Barometer_PolicyOfficer_EveryFormat_AnalystRefused()
    {
        await using var host = await TestHost.StartAsync();
        var officer = await host.AsAsync("policy.officer");

        using var json = await officer.GetAsync(new Uri("/api/v1/reports/barometer?from=2024-01&to=2024-12", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var detections = doc.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "picture.detections");
        Assert.True(detections.GetProperty("value").GetDouble() > 0);
        Assert.Contains(doc.RootElement.GetProperty("actions").EnumerateArray(), a => a.GetProperty("organisation").GetString() == "IT");
        Assert.DoesNotContain(doc.RootElement.GetProperty("actions").EnumerateArray(), a => a.GetProperty("organisation").GetString() == "RS-MUP");

        foreach (var (format, type, start) in new[] { ("pdf", "application/pdf", "%PDF-"), ("html", "text/html", "<!DOCTYPE html>"), ("csv", "text/csv", "key,organisation,value") })
        {
            using var response = await officer.GetAsync(new Uri($"/api/v1/reports/barometer?from=2024-01&to=2024-12&format={format}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith(start, System.Text.Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }

        var analyst = await host.AsAsync("it.analyst");
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync(new Uri("/api/v1/reports/barometer?from=2024-01&to=2024-12", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync(new Uri("/api/v1/reports/barometer?from=2024-13&to=2024-12", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync(new Uri("/api/v1/reports/barometer?from=2024-01&to=2024-12&format=docx", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SetAction_OwnOrganisationOnly_EvidenceMustBeItsOwn()
    {
        await using var host = await TestHost.StartAsync();
        var supervisor = await host.AsAsync("it.supervisor");

        using var ok = await supervisor.PutAsJsonAsync("/api/v1/actions/IT/I.1", new { status = "under-way", evidence = new[] { "case:OP-ZUWARA" }, note = "shared from the start" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync("/api/v1/actions/GR/I.1", new { status = "done" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PutAsJsonAsync("/api/v1/actions/IT/I.2", new { status = "done", evidence = new[] { "case:OP-BALKAN" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PutAsJsonAsync("/api/v1/actions/IT/I.2", new { status = "finished" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.AsAsync("it.analyst")).PutAsJsonAsync("/api/v1/actions/IT/I.1", new { status = "done" })).StatusCode);

        var actions = await (await host.AsAsync("policy.officer")).GetFromJsonAsync<JsonElement>("/api/v1/actions");
        var i1 = actions.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "I.1");
        var status = Assert.Single(i1.GetProperty("statuses").EnumerateArray());
        Assert.Equal(("IT", "under-way"), (status.GetProperty("organisation").GetString(), status.GetProperty("status").GetString()));
    }
}
