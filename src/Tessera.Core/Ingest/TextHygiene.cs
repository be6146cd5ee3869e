using System.Globalization;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest;

/// <summary>Keeps characters that no export can carry out of storage: C0 control characters other than tab, line feed and
/// carriage return, unpaired surrogates, and the non-characters U+FFFE/U+FFFF — none is allowed in XML 1.0, and NUL ends
/// strings in many tools.</summary>
/// <remarks>A value holding one is refused, not escaped or dropped: the whole file is bad input naming file, line and field,
/// so that what is stored is exactly what the provider sent.</remarks>
public static class TextHygiene
{
    /// <summary>The index of the first forbidden character of <paramref name="value"/>, or -1 when it has none.</summary>
    public static int IndexOfForbidden(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < '\u0020' ? c is not ('\t' or '\n' or '\r') : c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Refuses a value holding a forbidden character.</summary>
    /// <exception cref="ModelException">The value holds one; the message names the character and its position.</exception>
    public static void Require(string value, string? file, int? line, string? field)
    {
        var at = IndexOfForbidden(value);
        if (at >= 0)
        {
            throw new ModelException(
                string.Create(CultureInfo.InvariantCulture, $"the value holds the control or invalid character U+{(int)value[at]:X4} at position {at + 1}; remove it and import again"),
                file, line, field);
        }
    }
}
