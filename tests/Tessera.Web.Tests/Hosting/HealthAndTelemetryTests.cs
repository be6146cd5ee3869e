using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace Tessera.Web.Tests.Hosting;

/// <summary>The health checks (live, ready with the database and the audit key) and the metrics recorded where the work is.</summary>
public sealed class HealthAndTelemetryTests
{
    [Fact]
    public async Task Live_And_Ready_AnswerHealthyAnonymouslyWithNoData()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Ready_WithTheDatabaseGone_Answers503AndLiveStillAnswers()
    {
        await using var host = await TestHost.StartAsync();
        var client = host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        // The database file is gone and a folder stands in its place: no connection opens.
        SqliteConnection.ClearAllPools();
        var database = Path.Combine(host.Store.Options.DataFolder, "tessera.db");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        Directory.CreateDirectory(database);
        // The readiness answer is kept for a second, so that probes cannot load the database.
        await Task.Delay(TimeSpan.FromMilliseconds(1100));

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_WithTheAuditKeyGone_Answers503()
    {
        await using var host = await TestHost.StartAsync();
        File.Delete(host.Store.Options.AuditKeyFile);

        var ready = await host.Anonymous().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task Ready_ManyProbes_AreNotRateLimited()
    {
        await using var host = await TestHost.StartAsync(limits: new Tessera.Web.Hosting.RateLimits(PerUserPerSecond: 1, PerTokenPerSecond: 1));
        var client = host.Anonymous();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync(new Uri("/health/ready", UriKind.Relative))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    [Fact]
    public async Task Import_RecordsRowsAndRate_AndCheckRecordsItsOutcome()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");
        var recorded = new System.Collections.Concurrent.ConcurrentBag<(string Instrument, double Value, string? Tag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Storage.Telemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? tag = null;
            foreach (var t in tags)
            {
                tag += t.Key + "=" + t.Value + ";";
            }

            recorded.Add((instrument.Name, value, tag));
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        var marker = Guid.NewGuid().ToString("N");
        var lines = string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            "{\"id\":\"tel-" + marker + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Telemetry Person " +
            i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"],\"phone\":[\"+39 06 5555 000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"]}}"));

        Assert.Equal(HttpStatusCode.OK, (await TestHost.ImportFtmAsync(client, lines, file: marker + ".ftm.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/checks/identifier", new { type = "phone", value = "+39 06 5555 0001" })).StatusCode);
        listener.RecordObservableInstruments();

        Assert.Contains(recorded, r => r.Instrument == "tessera.import.rows" && r.Value == 3 && r.Tag!.Contains("format=", StringComparison.Ordinal));
        Assert.Contains(recorded, r => r.Instrument == "tessera.import.rate" && r.Value > 0);
        Assert.Contains(recorded, r => r.Instrument == "tessera.checks" && r.Tag == "kind=identifier;outcome=hit;");
    }
}
