using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tessera.Web.Hosting;

/// <summary>Response headers that keep browsers from sniffing, framing, caching or leaking addresses (OWASP ASVS 5.0 V3.4).</summary>
/// <remarks>
/// On every answer: <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c>, <c>X-Frame-Options: DENY</c>
/// and <c>Content-Security-Policy: frame-ancestors 'none'</c>. On API answers, which carry personal data:
/// <c>Cache-Control: no-store</c>. Over HTTPS: <c>Strict-Transport-Security</c> for a year. Behind a TLS-terminating proxy
/// the host sees HTTPS only when the proxy's forwarded headers are trusted.
/// </remarks>
internal static class SecurityHeaders
{
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static void Use(WebApplication app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            }

            if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                headers.CacheControl = "no-store";
            }

            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        });
        return next(http);
    });
}
