using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Tessera.Core.Normalisation;

/// <summary>A social-media handle scoped by platform: <c>telegram:ali_smuggler</c>; unscoped when the platform is unknown.</summary>
public sealed record HandleResult(string? Value, bool Valid, string? Reason, string? Platform = null, string? Handle = null)
    : NormalisedValue(Value, Valid, Reason);

/// <summary>Normalises user names on messaging and social-media platforms from "@name", "platform:name" or profile links.</summary>
public static partial class HandleNormaliser
{
    // Profile-link hosts and platform names → one platform name; "twitter" is now "x".
    private static readonly FrozenDictionary<string, string> Platforms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["t.me"] = "telegram", ["telegram.me"] = "telegram", ["telegram.dog"] = "telegram", ["telegram"] = "telegram", ["tg"] = "telegram",
        ["instagram.com"] = "instagram", ["instagram"] = "instagram", ["ig"] = "instagram",
        ["facebook.com"] = "facebook", ["m.facebook.com"] = "facebook", ["fb.com"] = "facebook", ["facebook"] = "facebook", ["fb"] = "facebook",
        ["tiktok.com"] = "tiktok", ["tiktok"] = "tiktok",
        ["x.com"] = "x", ["twitter.com"] = "x", ["mobile.twitter.com"] = "x", ["twitter"] = "x", ["x"] = "x",
        ["snapchat.com"] = "snapchat", ["snapchat"] = "snapchat",
        ["youtube.com"] = "youtube", ["youtube"] = "youtube",
        ["wa.me"] = "whatsapp", ["whatsapp"] = "whatsapp",
        ["viber"] = "viber", ["signal"] = "signal", ["threads.net"] = "threads", ["threads"] = "threads",
        ["vk.com"] = "vk", ["vk"] = "vk",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NotAccounts = new[]
    {
        "groups", "group", "pages", "share", "sharer", "sharer.php", "p", "reel", "reels", "watch", "events", "profile.php", "joinchat",
        "hashtag", "explore", "stories", "story.php", "permalink.php", "photo.php", "video", "status", "intent", "home", "search", "addstickers", "s", "c",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-cases, drops a leading '@', reads the platform from a prefix or link, else from <paramref name="platform"/>.</summary>
    public static HandleResult Normalise(string? raw, string? platform = null)
    {
        var text = (raw ?? "").Trim();
        if (text.Length == 0)
        {
            return new HandleResult(null, false, "empty");
        }

        if (text.Length > 200)
        {
            return new HandleResult(null, false, "too long for a handle");
        }

        var (scope, name) = Split(text);
        scope ??= platform is null ? null : Platforms.GetValueOrDefault(platform.Trim().ToLowerInvariant(), platform.Trim().ToLowerInvariant());
        name = name.TrimStart('@').TrimEnd('/').ToLowerInvariant();
        if (name.Length == 0)
        {
            return new HandleResult(null, false, "no user name", scope);
        }

        var value = scope is null ? name : scope + ":" + name;
        var pattern = scope switch
        {
            // Telegram: 5–32 of a–z, 0–9, underscore; X: 1–15; Instagram and TikTok also allow dots.
            "telegram" => Telegram(),
            "x" => Twitter(),
            "instagram" or "tiktok" => Instagram(),
            "whatsapp" => WhatsApp(),
            _ => Generic(),
        };
        return pattern.IsMatch(name)
            ? new HandleResult(value, true, null, scope, name)
            : new HandleResult(value, false, $"not a valid {scope ?? "user"} name", scope, name);
    }

    private static (string? Scope, string Name) Split(string text)
    {
        var t = text;
        var scheme = t.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            t = t[(scheme + 3)..];
        }

        if (t.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            t = t[4..];
        }

        var slash = t.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && Platforms.TryGetValue(t[..slash].ToLowerInvariant(), out var fromHost))
        {
            var rest = t[(slash + 1)..];
            var end = rest.IndexOfAny(['/', '?', '#']);
            var first = end < 0 ? rest : rest[..end];
            // A group, page, post or invitation link names no account: facebook.com/groups/…, t.me/joinchat/…, instagram.com/p/….
            return (fromHost, NotAccounts.Contains(first) ? "" : first);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Platforms.TryGetValue(text[..colon].Trim().ToLowerInvariant(), out var fromPrefix))
        {
            return (fromPrefix, text[(colon + 1)..].Trim());
        }

        return (null, text);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{4,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Telegram();

    [GeneratedRegex("^[a-z0-9_]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex Twitter();

    [GeneratedRegex(@"^[a-z0-9._]{1,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Instagram();

    [GeneratedRegex(@"^\+?[0-9]{6,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex WhatsApp();

    [GeneratedRegex(@"^[\p{L}\p{N}._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Generic();
}
