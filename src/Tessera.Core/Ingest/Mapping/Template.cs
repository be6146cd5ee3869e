using System.Text;

namespace Tessera.Core.Ingest.Mapping;

/// <summary>Texts with <c>{COLUMN}</c> placeholders, used for ids and composed values.</summary>
internal static class Template
{
    public static IEnumerable<string> Columns(string? template)
    {
        if (template is null)
        {
            yield break;
        }

        var start = -1;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                start = i + 1;
            }
            else if (template[i] == '}' && start >= 0)
            {
                yield return template[start..i];
                start = -1;
            }
        }
    }

    /// <summary>The template with each placeholder replaced by the row's value; null when every placeholder is empty.</summary>
    public static string? Fill(string template, Func<string, string> valueOf)
    {
        var result = new StringBuilder(template.Length + 16);
        var any = false;
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            result.Append(template, i, open - i);
            var value = valueOf(template[(open + 1)..close]);
            any |= value.Length > 0;
            result.Append(value);
            i = close + 1;
        }

        return any ? string.Join(' ', result.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)) : null;
    }
}
