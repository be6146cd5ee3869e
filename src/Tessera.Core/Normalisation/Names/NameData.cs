using System.Reflection;

namespace Tessera.Core.Normalisation.Names;

/// <summary>Reads the name data files shipped as embedded resources (transliteration, particles, equivalents).</summary>
internal static class NameData
{
    /// <summary>The non-empty, non-comment lines of an embedded data file.</summary>
    public static IEnumerable<string> Lines(string fileName)
    {
        var name = "Tessera.Core.Normalisation.Names.Data." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing embedded name data " + name);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            lines.Add(line);
        }

        return lines;
    }
}
