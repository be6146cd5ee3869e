using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Pprl;

namespace Tessera.Core.Tests.Pprl;

internal static class PprlTestKeys
{
    public static FederationKey Key(string id) => new(id, SHA256.HashData(Encoding.UTF8.GetBytes("test key " + id)), DateTimeOffset.UnixEpoch);
}
