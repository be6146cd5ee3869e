using System.Text;

namespace Tessera.Core.Normalisation.Names;

/// <summary>Matching keys of a Latin name token: the consonant skeleton and a coarser phonetic code.</summary>
/// <remarks>
/// The skeleton follows the equivalence classes used for Arabic-origin names in Latin script (Freeman, Condon and
/// Ackerman 2006): short vowels are dropped because Arabic does not write them, and the competing conventions
/// q/k/c/g, kh/h, dh/z, sh/ch/s, j/dj/zh, w/v/ou are merged; double letters collapse and a final -h after a vowel
/// (Fatimah/Fatima) is dropped. The phonetic code merges further (b/f/p, d/t, s/z/j, m/n) and keeps four letters,
/// in the spirit of Soundex but keyed on consonant classes rather than on the first letter.
/// </remarks>
public static class NameKeys
{
    /// <summary>The consonant skeleton of a Latin token; the token itself when it has no consonant.</summary>
    public static string Skeleton(string latin)
    {
        if (latin.Length == 0)
        {
            return latin;
        }

        var sb = new StringBuilder(latin.Length);
        var last = '\0';
        for (var i = 0; i < latin.Length; i++)
        {
            var c = latin[i];
            var next = i + 1 < latin.Length ? latin[i + 1] : '\0';
            char mapped;
            switch (c)
            {
                case 'a' or 'e' or 'i' or 'o' or 'u':
                    mapped = '\0';
                    break;
                case 'y' or 'w' or 'v':
                    // y and w are vowel carriers inside a word (Yusuf/Youssef/Yousef); v and w are one Persian letter.
                    mapped = i == 0 ? (c == 'y' ? 'y' : 'w') : '\0';
                    break;
                case 's' when next is 'h':
                case 'c' when next is 'h':
                    mapped = 's';
                    i++;
                    break;
                case 's' when next == 'c' && i + 2 < latin.Length && latin[i + 2] == 'h':
                    mapped = 's';
                    i += 2;
                    break;
                case 'k' when next is 'h':
                    mapped = 'h';
                    i++;
                    break;
                case 'g' when next is 'h':
                    mapped = 'k';
                    i++;
                    break;
                case 'p' when next is 'h':
                    mapped = 'f';
                    i++;
                    break;
                case 't' when next is 'h':
                    mapped = 't';
                    i++;
                    break;
                case 'd' when next is 'h':
                    mapped = 'z';
                    i++;
                    break;
                case 'd' when next == 's' && i + 3 < latin.Length && latin[i + 2] == 'c' && latin[i + 3] == 'h':
                    // German dsch is the sound English writes j (Dschamal, Jamal).
                    mapped = 'j';
                    i += 3;
                    break;
                case 'g' when next == 'g' && i + 3 < latin.Length && latin[i + 2] == 'i' && IsVowel(latin[i + 3]):
                    // Italian ggi and gi before a vowel are that sound too (Naggiar, Najjar; Giamal, Jamal).
                    mapped = 'j';
                    i += 2;
                    break;
                case 'g' when next == 'i' && i + 2 < latin.Length && IsVowel(latin[i + 2]):
                    mapped = 'j';
                    i++;
                    break;
                case 'z' when next is 'h':
                case 'd' when next is 'j':
                    mapped = 'j';
                    i++;
                    break;
                case 't' when next is 's' or 'z':
                    mapped = 's';
                    i++;
                    break;
                case 'q' or 'c' or 'k' or 'g':
                    mapped = 'k';
                    break;
                case 'p':
                    mapped = 'b';
                    break;
                case 'x':
                    sb.Append('k');
                    mapped = 's';
                    last = 'k';
                    break;
                case 'h' when i == latin.Length - 1 && i > 0:
                    mapped = '\0';
                    break;
                default:
                    mapped = c;
                    break;
            }

            if (mapped != '\0' && mapped != last)
            {
                sb.Append(mapped);
            }

            last = mapped == '\0' ? last : mapped;
        }

        return sb.Length == 0 ? latin : sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>The phonetic code: the skeleton with coarser classes, at most four letters.</summary>
    public static string Phonetic(string skeleton)
    {
        var sb = new StringBuilder(4);
        var last = '\0';
        foreach (var c in skeleton)
        {
            var mapped = c switch
            {
                'b' or 'f' or 'w' => 'b',
                'd' or 't' => 't',
                's' or 'z' or 'j' => 's',
                'm' or 'n' => 'n',
                'h' => '\0',
                _ => c,
            };
            if (mapped == '\0' || mapped == last)
            {
                continue;
            }

            sb.Append(mapped);
            last = mapped;
            if (sb.Length == 4)
            {
                break;
            }
        }

        return sb.Length == 0 ? skeleton : sb.ToString();
    }
}
