using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Web.Hosting;

namespace Tessera.Web.Tests.Hosting;

/// <summary>Issue #12 "no rate limiting": a caller over its rate gets 429, a saturated node 503, both with Retry-After.</summary>
public sealed class RateLimitTests
{
    private static readonly Uri Entity = new("/api/v1/entities/IT:it-p-001", UriKind.Relative);

    [Fact]
    public async Task Api_TokenOverItsRate_Answers429WithRetryAfterAndProblem()
    {
        await using var host = await TestHost.StartAsync(limits: new RateLimits(PerTokenPerSecond: 1, PerTokenBurst: 2));
        var client = await host.AsAsync("it.analyst");

        var first = await client.GetAsync(Entity);
        var second = await client.GetAsync(Entity);
        var third = await client.GetAsync(Entity);
        using var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Api_OneTokenOverItsRate_LeavesOtherUsersServed()
    {
        await using var host = await TestHost.StartAsync(limits: new RateLimits(PerTokenPerSecond: 1, PerTokenBurst: 1));
        var busy = await host.AsAsync("it.analyst");
        var other = await host.AsAsync("gr.analyst");

        await busy.GetAsync(Entity);
        var throttled = await busy.GetAsync(Entity);
        var served = await other.GetAsync(Entity);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, served.StatusCode);
    }

    [Fact]
    public async Task Api_UserOverItsRateAcrossTwoTokens_Answers429OnEither()
    {
        await using var host = await TestHost.StartAsync(limits: new RateLimits(PerUserPerSecond: 1, PerUserBurst: 2));
        var first = await host.AsAsync("it.analyst");
        var second = await host.AsAsync("it.analyst");

        var a = await first.GetAsync(Entity);
        var b = await second.GetAsync(Entity);
        var c = await second.GetAsync(Entity);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (a.StatusCode, b.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, c.StatusCode);
        Assert.NotNull(c.Headers.RetryAfter);
    }

    [Fact]
    public async Task Api_NodeSaturatedAndQueueFull_Answers503WithRetryAfterAndServesTheHeldRequest()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await TestHost.StartAsync(limits: new RateLimits(MaxConcurrentRequests: 1, QueueLimit: 0), map: app =>
            app.MapGet("/api/v1/test/hold", async () =>
            {
                entered.SetResult();
                await release.Task;
                return Results.Ok();
            }).AllowAnonymous());
        var client = host.Anonymous();

        var held = client.GetAsync(new Uri("/api/v1/test/hold", UriKind.Relative));
        await entered.Task;
        var refused = await client.GetAsync(Entity);
        release.SetResult();
        var served = await held;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Api_NodeSaturatedWithRoomInTheQueue_ServesTheWaitingRequest()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await TestHost.StartAsync(limits: new RateLimits(MaxConcurrentRequests: 1, QueueLimit: 1), map: app =>
            app.MapGet("/api/v1/test/hold", async () =>
            {
                entered.SetResult();
                await release.Task;
                return Results.Ok();
            }).AllowAnonymous());
        var client = await host.AsAsync("it.analyst");

        var held = client.GetAsync(new Uri("/api/v1/test/hold", UriKind.Relative));
        await entered.Task;
        var queued = client.GetAsync(Entity);
        release.SetResult();

        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
    }

    [Fact]
    public async Task Api_RequestWaitingForASlot_DrawsOnItsTokenOnce()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await TestHost.StartAsync(limits: new RateLimits(PerTokenPerSecond: 1, PerTokenBurst: 3, MaxConcurrentRequests: 1, QueueLimit: 4), map: app =>
            app.MapGet("/api/v1/test/hold", async () =>
            {
                entered.SetResult();
                await release.Task;
                return Results.Ok();
            }).RequireAuthorization());
        var client = await host.AsAsync("it.analyst");

        var held = client.GetAsync(new Uri("/api/v1/test/hold", UriKind.Relative));
        await entered.Task;
        var waiting = client.GetAsync(Entity);
        var slots = host.App.Services.GetRequiredService<RateLimits.NodeSlots>().Limiter;
        while (slots.GetStatistics()!.CurrentQueuedCount == 0)
        {
            await Task.Delay(10);
        }

        release.SetResult();
        await held;
        await waiting;
        var third = await client.GetAsync(Entity);

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public void Validate_ZeroConcurrency_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimits(MaxConcurrentRequests: 0).Validate());
    }
}
