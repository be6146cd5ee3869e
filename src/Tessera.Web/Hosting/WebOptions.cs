using Tessera.Storage;

namespace Tessera.Web.Hosting;

/// <summary>How the web host runs: where the data is, which addresses it listens on, and its rate limits.</summary>
public sealed record WebOptions(StorageOptions Storage, string Urls = "http://127.0.0.1:5080")
{
    /// <summary>Per-caller rate limits and the node's concurrency limit.</summary>
    public RateLimits Limits { get; init; } = new();
}
