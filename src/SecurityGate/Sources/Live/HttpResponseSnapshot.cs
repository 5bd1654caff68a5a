using System.Collections.Immutable;

namespace SecurityGate.Sources.Live;

/// <summary>
/// One HTTP response as the probe received it. Headers are kept line by line (see <see cref="HeaderCollection"/>);
/// the body is text, capped at <see cref="MaxBodyLength"/> characters (the probe keeps only the final page's body).
/// <see cref="Cookies"/> and <see cref="Html"/> are derived from headers and body, so they can never disagree.
/// </summary>
public sealed record HttpResponseSnapshot
{
    /// <summary>Enough for any real page head; a larger body is cut and <see cref="BodyTruncated"/> is set.</summary>
    public const int MaxBodyLength = 2 * 1024 * 1024;

    private static readonly string[] HtmlMediaTypes = ["text/html", "application/xhtml+xml"];

    public required Uri Url { get; init; }
    public required int StatusCode { get; init; }
    public HeaderCollection Headers { get; init; } = HeaderCollection.Empty;

    private readonly string _body = "";
    private readonly bool _bodyTruncated;

    public string Body
    {
        get => _body;
        init
        {
            _bodyTruncated |= value.Length > MaxBodyLength;
            _body = value.Length > MaxBodyLength ? value[..MaxBodyLength] : value;
        }
    }

    /// <summary>True when the body was cut at <see cref="MaxBodyLength"/> (here or already by the probe).</summary>
    public bool BodyTruncated
    {
        get => _bodyTruncated;
        init => _bodyTruncated |= value;
    }

    /// <summary>The Location header of a redirect, as sent.</summary>
    public string? Location => Headers.GetFirst("Location");

    public bool IsRedirect => StatusCode is 301 or 302 or 303 or 307 or 308;

    /// <summary>Every Set-Cookie line that parses as a cookie, in order.</summary>
    public ImmutableArray<SetCookie> Cookies =>
        [.. Headers.GetAll("Set-Cookie").Select(SetCookie.TryParse).OfType<SetCookie>()];

    /// <summary>The media type of the first Content-Type line, exactly as sent (no case folding), or null.</summary>
    public string? MediaType => Headers.GetFirst("Content-Type")?.Split(';')[0];

    /// <summary>Whether the body is an HTML document by its declared media type.</summary>
    public bool IsHtml => MediaType is { } type && HtmlMediaTypes.Contains(type, StringComparer.Ordinal);

    /// <summary>Meta and script facts of the body; empty when the response is not HTML.</summary>
    public HtmlFacts Html => IsHtml && Body.Length > 0 ? HtmlFacts.Parse(Body) : HtmlFacts.Empty;
}
