using Microsoft.AspNetCore.Http;
using SecurityGate.Sources.Live;

namespace SecurityGate.Tests.Sources.Live.Probe;

/// <summary>
/// A configurable stand-in for a deployed Django site behind a proxy: plain HTTP redirects to HTTPS on the same
/// host and port, "/" answers with the given headers and body, unknown paths get a plain 404. Per-path handlers
/// override everything; <see cref="Delay"/> is added before every response.
/// </summary>
public sealed class FakeDjangoSite
{
    public List<(string Name, string Value)> Headers { get; } = [.. SiteSnapshotBuilder.HealthyHeaders.Select(h => (h.Name, h.Value))];
    public string Body { get; set; } = SiteSnapshotBuilder.HealthyBody;
    public int HttpRedirectStatus { get; set; } = 301;
    public bool RedirectHttp { get; set; } = true;
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
    public Dictionary<string, Func<HttpContext, bool, Task>> Paths { get; } = new(StringComparer.Ordinal);

    public const string NotFoundBody = "<!doctype html><html><body><h1>Not Found</h1></body></html>";

    public async Task HandleAsync(HttpContext context, bool tls)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (Paths.TryGetValue(context.Request.Path.Value ?? "/", out var handler))
        {
            await handler(context, tls);
            return;
        }

        if (!tls && RedirectHttp)
        {
            context.Response.StatusCode = HttpRedirectStatus;
            context.Response.Headers.Location = $"https://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}";
            return;
        }

        if (context.Request.Path != "/")
        {
            await WriteAsync(context, 404, "text/html; charset=utf-8", NotFoundBody);
            return;
        }

        foreach (var (name, value) in Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        await WriteAsync(context, 200, null, Body);
    }

    public static async Task WriteAsync(HttpContext context, int status, string? contentType, string body)
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    public void SetHeader(string name, params string[] values)
    {
        Headers.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        Headers.AddRange(values.Select(v => (name, v)));
    }
}
