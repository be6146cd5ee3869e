using Tessera.Core.Access;

namespace Tessera.Web.Ingest;

/// <summary>A private temporary folder holding one upload under its own (sanitised) name, deleted when disposed.</summary>
/// <remarks>The name decides the format (.csv, .xlsx, .ftm.json), so the API and the import wizard keep it.</remarks>
internal sealed class UploadFolder : IDisposable
{
    private UploadFolder(string path) => Path = path;

    public string Path { get; }

    public static UploadFolder Create()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tessera-uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return new UploadFolder(dir);
    }

    /// <summary>Where an uploaded file of the given name is kept.</summary>
    public string FileFor(string uploadedName) => System.IO.Path.Combine(Path, SafeName(uploadedName));

    /// <summary>Where the mapping is kept: mapping.json for JSON, mapping.yml otherwise.</summary>
    public string MappingFor(string uploadedName) =>
        System.IO.Path.Combine(Path, uploadedName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "mapping.json" : "mapping.yml");

    /// <summary>True when <paramref name="user"/> may import data for their organisation (the policy's Contribute).</summary>
    public static bool MayImport(Principal user) => Permissions.MayImport(user);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static string SafeName(string name)
    {
        var file = System.IO.Path.GetFileName(name);
        return file.Length == 0 || file.StartsWith('.') ? "upload.csv" : string.Concat(file.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
    }
}
