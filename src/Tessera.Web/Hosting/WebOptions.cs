using Tessera.Storage;

namespace Tessera.Web.Hosting;

/// <summary>How the web host runs: where the data is and which addresses it listens on.</summary>
public sealed record WebOptions(StorageOptions Storage, string Urls = "http://127.0.0.1:5080");
