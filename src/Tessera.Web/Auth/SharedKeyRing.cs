using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Storage;

namespace Tessera.Web.Auth;

/// <summary>The data protection key ring (sign-in cookies, form tokens) read from and written to the store, so that every node
/// of one installation protects and reads cookies with the same keys: a user signed in on one node stays signed in on another,
/// behind a load balancer with or without sticky sessions, and across restarts.</summary>
internal sealed class SharedKeyRing(Store store) : IXmlRepository
{
    /// <summary>The application name every node shares; the default (the content root) differs between installations.</summary>
    public const string ApplicationName = "Tessera";

    public static void AddTo(IServiceCollection services, Store store)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlRepository = new SharedKeyRing(store));
    }

    // The key manager calls the repository synchronously, at start and when it refreshes its key ring (about once a day).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(() => store.Directory.ProtectionKeys.AllAsync()).GetAwaiter().GetResult().Select(x => XElement.Parse(x)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(() => store.Directory.ProtectionKeys.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();
}
