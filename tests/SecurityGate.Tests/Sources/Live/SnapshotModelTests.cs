using SecurityGate.Sources.Live;

namespace SecurityGate.Tests.Sources.Live;

public sealed class SnapshotModelTests
{
    [Fact]
    public void HeaderCollection_LooksUpNamesCaseInsensitively_AndKeepsRepeatsInOrder()
    {
        var headers = HeaderCollection.From(("Set-Cookie", "a=1"), ("X-Frame-Options", "DENY"), ("set-cookie", "b=2"));

        Assert.Equal<string>(["a=1", "b=2"], headers.GetAll("SET-COOKIE"));
        Assert.Equal("DENY", headers.GetFirst("x-frame-options"));
        Assert.Null(headers.GetFirst("Content-Security-Policy"));
    }

    [Fact]
    public void HeaderCollection_Set_ReplacesEveryLineInPlace()
    {
        var headers = HeaderCollection.From(("A", "1"), ("B", "2"), ("b", "3"), ("C", "4")).Set("B", "x", "y");

        Assert.Equal("A: 1\nB: x\nB: y\nC: 4", headers.ToString());
    }

    [Fact]
    public void SetCookie_ParsesDjangoSessionCookie()
    {
        var cookie = SetCookie.TryParse("sessionid=abc; expires=Thu, 01 Jan 2037 00:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax; Secure")!;

        Assert.Equal("sessionid", cookie.Name);
        Assert.Equal("abc", cookie.Value);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal(1209600, cookie.MaxAge);
        Assert.Equal(new DateTimeOffset(2037, 1, 1, 0, 0, 0, TimeSpan.Zero), cookie.Expires);
        Assert.Equal("/", cookie.Path);
        Assert.Null(cookie.Domain);
        Assert.Equal(CookiePrefix.None, cookie.Prefix);
    }

    [Theory]
    [InlineData("a=1; SameSite=Foo", SameSiteMode.Unspecified, "Foo")]
    [InlineData("a=1; samesite=STRICT", SameSiteMode.Strict, "STRICT")]
    [InlineData("a=1; SameSite=None; SameSite=Lax", SameSiteMode.Lax, "Lax")]
    [InlineData("a=1", SameSiteMode.Unspecified, null)]
    public void SetCookie_ReadsTheLastSameSite(string raw, SameSiteMode mode, string? text)
    {
        var cookie = SetCookie.TryParse(raw)!;

        Assert.Equal(mode, cookie.SameSite);
        Assert.Equal(text, cookie.SameSiteText);
    }

    [Theory]
    [InlineData("noequals")]
    [InlineData("=value")]
    [InlineData("")]
    public void SetCookie_WithoutAName_IsNotACookie(string raw) => Assert.Null(SetCookie.TryParse(raw));

    [Theory]
    [InlineData("__Host-id=1; Secure; Path=/", CookiePrefix.Host)]
    [InlineData("__Secure-id=1; Secure", CookiePrefix.Secure)]
    [InlineData("__secure-id=1", CookiePrefix.None)]
    public void SetCookie_PrefixIsCaseSensitive(string raw, CookiePrefix prefix) => Assert.Equal(prefix, SetCookie.TryParse(raw)!.Prefix);

    [Fact]
    public void SetCookie_DomainLosesOneLeadingDot_AndIsLowerCased() =>
        Assert.Equal("example.com", SetCookie.TryParse("a=1; Domain=.Example.COM")!.Domain);

    [Fact]
    public void HtmlFacts_FindsMetaAndScripts_ButNotInCommentsScriptsOrTemplates()
    {
        var html = "<html><head><META HTTP-EQUIV=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;\">"
            + "<meta name=referrer content=no-referrer><!-- <script src=\"/hidden.js\"></script> -->"
            + "<script>document.write('<script src=\"/written.js\"></script>')</script></head>"
            + "<body><template><script src=\"/t.js\"></script></template>"
            + "<script src='https://cdn.example.net/a.js' integrity=\"sha384-x\" crossorigin=anonymous></script></body></html>";

        var facts = HtmlFacts.Parse(html);

        Assert.Equal<MetaElement>(
            [new MetaElement("Content-Security-Policy", null, "default-src 'none'"), new MetaElement(null, "referrer", "no-referrer")],
            facts.Metas);
        Assert.Equal<ScriptElement>(
            [new ScriptElement(null, null, null), new ScriptElement("https://cdn.example.net/a.js", "sha384-x", "anonymous")],
            facts.Scripts);
    }

    [Fact]
    public void HttpResponse_IsHtml_OnlyForHtmlMediaTypesSpelledExactly()
    {
        HttpResponseSnapshot Page(string type) => new()
        {
            Url = new Uri("https://a.example/"),
            StatusCode = 200,
            Headers = HeaderCollection.From(("Content-Type", type)),
        };

        Assert.True(Page("text/html; charset=utf-8").IsHtml);
        Assert.True(Page("application/xhtml+xml").IsHtml);
        Assert.False(Page("TEXT/HTML").IsHtml);
        Assert.False(Page("text/plain").IsHtml);
    }

    [Fact]
    public void HttpResponse_CapsTheBody()
    {
        var response = new HttpResponseSnapshot
        {
            Url = new Uri("https://a.example/"),
            StatusCode = 200,
            Body = new string('x', HttpResponseSnapshot.MaxBodyLength + 10),
        };

        Assert.Equal(HttpResponseSnapshot.MaxBodyLength, response.Body.Length);
        Assert.True(response.BodyTruncated);
    }

    [Fact]
    public void HealthyBuilder_RedirectsHttpToHttps_AndGradesTheHttpsPage()
    {
        var snapshot = SiteSnapshotBuilder.Healthy().Build();

        Assert.Equal<RedirectHop>(
            [new RedirectHop(new Uri("http://staging.example.com/"), 301, "https://staging.example.com/"),
             new RedirectHop(new Uri("https://staging.example.com/"), 200, null)],
            snapshot.Http!.Hops);
        Assert.Same(snapshot.Https, snapshot.GradedChain);
        Assert.Equal("https", snapshot.GradedResponse!.Url.Scheme);
        Assert.Equal(301, snapshot.FirstHttpResponse!.StatusCode);
    }
}
