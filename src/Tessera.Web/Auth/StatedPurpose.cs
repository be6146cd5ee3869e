using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tessera.Web.Auth;

/// <summary>The purpose an API caller states for a request (header <c>X-Tessera-Purpose</c>), carried to every audit entry the
/// request writes (Europol Regulation Art. 40: each query logged with its purpose).</summary>
/// <remarks>Added to the signed-in user as a claim of its own identity, so <see cref="AuthSchemes.ToPrincipal"/> passes it on
/// to storage without any call changing; control characters are dropped and the text is capped at <see cref="MaxLength"/>.</remarks>
internal static class StatedPurpose
{
    public const string Header = "X-Tessera-Purpose";
    public const string Claim = "tessera:purpose";
    public const int MaxLength = 200;

    public static void Use(WebApplication app) => app.Use((http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true && http.Request.Headers[Header].ToString() is { Length: > 0 } stated &&
            Clean(stated) is { Length: > 0 } purpose)
        {
            http.User.AddIdentity(new ClaimsIdentity([new Claim(Claim, purpose)]));
        }

        return next(http);
    });

    private static string Clean(string text)
    {
        var kept = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return kept.Length > MaxLength ? kept[..MaxLength] : kept;
    }
}
