namespace SecurityGate.Tests.Sources.Live.Observatory.Reference;

/// <summary>One generated site: the target to scan, a readable summary, and what each of its paths answers.</summary>
public sealed record GeneratedCase(string Id, string Target, string Description, IReadOnlyDictionary<string, PathBehavior> Paths);

/// <summary>
/// Generates site configurations from a fixed seed: each dimension (redirects, CSP, HSTS, XFO, XCTO, referrer,
/// CORP, cookies, CORS, scripts, content type, status) takes one of its variants. Part of the cases start from
/// a healthy site and change one or two dimensions, so the high scores and the bonus gate are exercised too.
/// </summary>
public sealed class ConfigurationGenerator
{
    private readonly int _trustedPort;
    private readonly int _untrustedPort;

    public ConfigurationGenerator(int seed, int trustedPort, int untrustedPort)
    {
        _random = new Random(seed);
        _trustedPort = trustedPort;
        _untrustedPort = untrustedPort;
        _port = trustedPort;
    }

    /// <summary>Share of the cases served with a certificate nobody trusts.</summary>
    private const double UntrustedShare = 0.06;

    private readonly Random _random;

    /// <summary>The port of the case being generated (trusted or untrusted server).</summary>
    private int _port;
    private string Host => $"127.0.0.1:{_port}";

    private const string HealthyCsp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly string[] CspPolicies =
    [
        HealthyCsp, "default-src 'none'", "default-src 'self'", "default-src 'self'; script-src 'self' 'unsafe-inline'",
        "default-src 'self'; script-src 'self' 'unsafe-eval'", "default-src *", "default-src https:", "script-src 'self'",
        "script-src 'self'; object-src 'none'", "default-src 'self'; img-src http:", "default-src 'self'; img-src 'self' http://img.example.com",
        "default-src 'self'; connect-src http://api.example.com", "default-src 'self'; style-src 'self' 'unsafe-inline'",
        "default-src 'none'; script-src 'nonce-abc' 'unsafe-inline'", "default-src 'none'; script-src 'strict-dynamic'",
        "object-src 'none'; script-src 'nonce-abc' 'strict-dynamic' https: 'unsafe-inline'", "default-src 'self'; default-src 'none'",
        "default-src 'none'; report-uri /a; report-uri /b", "a", "default-src 'self' data:", "default-src 'self'; script-src data:",
        "default-src 'none'; frame-ancestors 'none'", "default-src 'self'; frame-ancestors *", "frame-ancestors 'self'",
        "report-uri /csp-report", "upgrade-insecure-requests", "default-src 'self'; base-uri *; form-action http:",
        "DEFAULT-SRC 'NONE'", "default-src 'self'; script-src", "default-src 'self'; style-src 'unsafe-eval'",
        "default-src 'none';;; script-src 'self'", "default-src 'self' https://cdn.example.com https:", "default-src http https:",
        "default-src 'self'; media-src ftp://x.example", "img-src 'self'", "default-src 'none'; script-src 'sha256-abc=' 'strict-dynamic'",
        "default-src 'self' 'unsafe-inline' 'nonce-x'", "script-src 'self' https://a.example/js/ https://a.example/js/app.js; object-src 'none'",
        "default-src 'self'; report-uri http://report.example.com", "default-src 'none'; img-src 'self' data:",
        "default-src 'self'; object-src *", "default-src 'self' *.example.com; object-src 'none'",
    ];

    private static readonly string[] MetaCspPolicies =
    [
        "default-src 'none'", "default-src 'none'; frame-ancestors 'none'", "frame-ancestors 'none'", "script-src 'self'",
        "default-src 'self'; script-src 'self' 'unsafe-inline'", "report-uri /a; report-uri /b", "default-src 'self'; img-src http:",
        "script-src 'self' https://a.example/js/", "default-src https:", "object-src 'none'; script-src 'self'",
    ];

    private static readonly string?[][] HstsVariants =
    [
        [], ["max-age=63072000; includeSubDomains; preload"], ["max-age=31536000"], ["max-age=15552000"], ["max-age=15551999"],
        ["max-age=0"], ["max-age=abc"], ["max-age=\"31536000\""], ["max-age = 31536000"], ["includeSubDomains"], ["MAX-AGE=31536000"],
        ["max-age=31536000;includeSubDomains"], ["max-age=-1"], ["max-age=1e9"], ["max-age=31536000", "max-age=31536000"],
        ["max-age=300; max-age=31536000"], ["max-age=31536000; max-age=300"], ["max-age=  31536000"], ["max-age=31536000abc"],
    ];

    private static readonly string[][] XfoVariants =
        [[], ["DENY"], ["SAMEORIGIN"], ["deny"], ["ALLOW-FROM https://example.com"], ["ALLOWALL"], ["DENY", "DENY"], ["DENY, SAMEORIGIN"]];

    private static readonly string[][] XctoVariants = [[], ["nosniff"], ["NOSNIFF"], ["nosniff", "nosniff"], ["sniff"], ["nosniff;"]];

    private static readonly string[][] ReferrerVariants =
    [
        [], ["no-referrer"], ["same-origin"], ["strict-origin"], ["strict-origin-when-cross-origin"], ["origin"], ["unsafe-url"],
        ["no-referrer-when-downgrade"], ["origin-when-cross-origin"], ["no-referrer, unsafe-url"], ["unsafe-url, no-referrer"],
        ["foo"], ["foo, strict-origin"], ["unsafe-url", "same-origin"], ["SAME-ORIGIN"],
    ];

    private static readonly string?[] ReferrerMetas = [null, null, null, "no-referrer", "unsafe-url", "bogus"];

    private static readonly string[][] CorpVariants =
        [[], ["same-origin"], ["same-site"], ["cross-origin"], ["same"], ["Same-Origin"], ["same-origin", "same-origin"]];

    private static readonly string[] CookiePool =
    [
        "sessionid=abc; Path=/; Secure; HttpOnly; SameSite=Lax", "sessionid=abc; Path=/; HttpOnly; SameSite=Lax",
        "sessionid=abc; Path=/; Secure; SameSite=Lax", "sessionid=abc; expires=Thu, 01 Jan 2037 00:00:00 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax",
        "sessionid=abc; Path=/; Secure; HttpOnly", "csrftoken=xyz; Path=/; Secure; SameSite=Lax", "csrftoken=xyz; Path=/; Secure",
        "csrftoken=xyz; Path=/; SameSite=Strict", "pref=1; Path=/; Secure; SameSite=None", "pref=1; Path=/; SameSite=None",
        "pref=1; Path=/; Secure; SameSite=Foo", "pref=1; Path=/; Secure; SameSite", "pref=1; Path=/",
        "__Host-id=1; Path=/; Secure; HttpOnly; SameSite=Strict", "__Host-id=1; Path=/app; Secure", "__Secure-id=1; Path=/",
        "__Secure-id=1; Path=/; Secure; SameSite=Lax", "tracker=1; Domain=example.com; Path=/", "sessionid=; Max-Age=0; Path=/",
        "heroku-session-affinity=x; Path=/", "LoginToken=1; Path=/; Secure; SameSite=Lax", "user_sess=1; Secure; SameSite=Lax",
        "noequals", "sessionid=abc; Path=/; Secure; HttpOnly; SameSite=Lax; Domain=127.0.0.1", "csrftoken=xyz; Path=/other; Secure",
        "pref=2; Path=/; Secure; SameSite=Strict; HttpOnly", "sessionid=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/",
        "old=1; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure",
    ];

    /// <summary>Cookies set on a redirect hop; the expired ones vanish when the next request would carry them.</summary>
    private static readonly string[] HopCookies =
        ["hopcookie=1; Path=/", "sessionid=; Max-Age=0; Path=/", "sessionid=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/", "csrftoken=1; Path=/elsewhere; Max-Age=0"];

    private static readonly string[] ScriptBodies =
    [
        "", "<script>var a = 1;</script>", "<script src=\"/static/app.js\"></script>",
        "<script src=\"/static/app.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>",
        "<script src=\"https://cdn.example.net/a.js\"></script>",
        "<script src=\"https://cdn.example.net/a.js\" integrity=\"sha384-x\" crossorigin=\"anonymous\"></script>",
        "<script src=\"http://cdn.example.net/a.js\"></script>", "<script src=\"http://cdn.example.net/a.js\" integrity=\"sha384-x\"></script>",
        "<script src=\"//cdn.example.net/a.js\" integrity=\"sha384-x\"></script>", "<script src=\"//cdn.example.net/a.js\"></script>",
        "<script src=\"https://127.0.0.1:9/a.js\"></script>", "<script src=\"http://127.0.0.1:9/a.js\" integrity=\"sha384-x\"></script>",
        "<script src=\"/a.js\" integrity=\"sha384-a\"></script><script src=\"https://cdn.example.net/b.js\"></script>",
        "<script src=\"https://cdn.example.net/b.js\" integrity=\"sha384-b\"></script><script src=\"/a.js\" integrity=\"sha384-a\"></script>",
        "<!-- <script src=\"http://evil.example/x.js\"></script> --><script src=\"/a.js\"></script>",
        "<script src=\"HTTPS://CDN.Example.NET/a.js\" integrity=\"sha384-x\"></script>", "<script src=\"\"></script>",
        "<template><script src=\"http://cdn.example.net/t.js\"></script></template>",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/html; charset=utf-8", "text/html; charset=utf-8", "text/html; charset=utf-8", "text/html", "application/xhtml+xml",
        "text/plain", "TEXT/HTML", "text/html ; charset=utf-8",
    ];

    private enum Redirects { ToHttps, Missing, HttpFirst, OffHost, NotToHttps, NoHttp, NoHttps, HttpsToFinal, Temporary308 }

    private enum Cors { SameAsPage, NotAllowed, Star, Reflect, Specific }

    public IReadOnlyList<GeneratedCase> Generate(int count) =>
        [.. Enumerable.Range(0, count).Select(i => GenerateOne($"c{i:D3}"))];

    private GeneratedCase GenerateOne(string id)
    {
        var untrusted = _random.NextDouble() < UntrustedShare;
        _port = untrusted ? _untrustedPort : _trustedPort;
        // Healthy-based cases change 1-2 dimensions; the others pick every dimension at random.
        var healthyBased = _random.NextDouble() < 0.4;
        var changed = healthyBased ? Enumerable.Range(0, _random.Next(1, 3)).Select(_ => _random.Next(12)).ToHashSet() : null;
        bool Vary(int dimension) => changed is null || changed.Contains(dimension);

        var redirect = Vary(0) ? Pick(Enum.GetValues<Redirects>()) : Redirects.ToHttps;
        var (cspHeaders, cspMetas, reportOnly) = Vary(1) ? PickCsp() : ([HealthyCsp], [], false);
        var hsts = Vary(2) ? Pick(HstsVariants) : ["max-age=63072000; includeSubDomains; preload"];
        var xfo = Vary(3) ? Pick(XfoVariants) : ["DENY"];
        var xcto = Vary(4) ? Pick(XctoVariants) : ["nosniff"];
        var referrer = Vary(5) ? Pick(ReferrerVariants) : ["same-origin"];
        var referrerMeta = Vary(5) ? Pick(ReferrerMetas) : null;
        var corp = Vary(6) ? Pick(CorpVariants) : ["same-origin"];
        var cookies = Vary(7) ? PickCookies() : ["sessionid=abc; Path=/; Secure; HttpOnly; SameSite=Lax", "csrftoken=xyz; Path=/; Secure; SameSite=Lax"];
        var cors = Vary(8) ? Pick(Enum.GetValues<Cors>()) : Cors.NotAllowed;
        var scripts = Vary(9) ? Pick(ScriptBodies) : ScriptBodies[3];
        var contentType = Vary(10) ? Pick(ContentTypes) : ContentTypes[0];
        var status = Vary(11) ? Pick(new[] { 200, 200, 200, 200, 200, 200, 401, 403, 404, 500 }) : 200;

        var headers = new List<(string, string)> { ("Content-Type", contentType) };
        headers.AddRange(hsts.Select(v => ("Strict-Transport-Security", v!)));
        headers.AddRange(cspHeaders.Select(v => ("Content-Security-Policy", v)));
        if (reportOnly)
        {
            headers.Add(("Content-Security-Policy-Report-Only", "default-src 'self'; report-uri /r"));
        }

        headers.AddRange(xfo.Select(v => ("X-Frame-Options", v)));
        headers.AddRange(xcto.Select(v => ("X-Content-Type-Options", v)));
        headers.AddRange(referrer.Select(v => ("Referrer-Policy", v)));
        headers.AddRange(corp.Select(v => ("Cross-Origin-Resource-Policy", v)));
        headers.AddRange(cookies.Select(v => ("Set-Cookie", v)));
        if (cors == Cors.SameAsPage && _random.Next(2) == 0)
        {
            headers.Add(("Access-Control-Allow-Origin", "*"));
        }

        var head = string.Concat(cspMetas.Select(m => $"<meta http-equiv=\"Content-Security-Policy\" content=\"{m}\">"))
            + (referrerMeta is null ? "" : $"<meta name=\"referrer\" content=\"{referrerMeta}\">");
        var body = $"<!doctype html><html><head><title>{id}</title>{head}</head><body><p>{id}</p>{scripts}</body></html>";
        var page = new ServedResponse(status, headers, body);
        var options = cors switch
        {
            Cors.SameAsPage => null,
            Cors.NotAllowed => new ServedResponse(405, [("Allow", "GET, HEAD")]),
            Cors.Star => new ServedResponse(204, [("Access-Control-Allow-Origin", "*")]),
            Cors.Reflect => new ServedResponse(204, [("Access-Control-Allow-Origin", "https://http-observatory.security.mozilla.org"), ("Access-Control-Allow-Credentials", "true")]),
            _ => new ServedResponse(200, [("Access-Control-Allow-Origin", "https://app.example.com")]),
        };

        var paths = BuildPaths(id, redirect, page, options);
        var description = $"{id}: untrusted-cert={untrusted} redirect={redirect} csp=[{string.Join(" | ", cspHeaders)}] meta=[{string.Join(" | ", cspMetas)}] reportOnly={reportOnly} "
            + $"hsts=[{string.Join(" | ", hsts)}] xfo=[{string.Join(" | ", xfo)}] xcto=[{string.Join(" | ", xcto)}] referrer=[{string.Join(" | ", referrer)}] meta-referrer={referrerMeta} "
            + $"corp=[{string.Join(" | ", corp)}] cookies=[{string.Join(" | ", cookies)}] cors={cors} type={contentType} status={status} scripts={scripts}";
        return new GeneratedCase(id, $"{Host}/{id}", description, paths);
    }

    private Dictionary<string, PathBehavior> BuildPaths(string id, Redirects redirect, ServedResponse page, ServedResponse? options)
    {
        var path = "/" + id;
        var next = path + "/next";
        ServedResponse To(int status, string location, params (string, string)[] extra) =>
            new(status, [("Location", location), .. extra]);

        return redirect switch
        {
            Redirects.ToHttps => new() { [path] = new(To(301, $"https://{Host}{path}"), page, options) },
            Redirects.Temporary308 => new() { [path] = new(To(308, $"https://{Host}{path}", ("Set-Cookie", "httpcookie=1; Path=/")), page, options) },
            Redirects.Missing => new() { [path] = new(page, page, options) },
            Redirects.HttpFirst => new()
            {
                [path] = new(To(302, $"http://{Host}{next}"), page, options),
                [next] = new(To(301, $"https://{Host}{next}"), page, options),
            },
            Redirects.OffHost => new() { [path] = new(To(301, $"https://localhost:{_port}{path}"), page, options) },
            Redirects.NotToHttps => new()
            {
                [path] = new(To(301, $"http://{Host}{next}"), page, options),
                [next] = new(page, page, options),
            },
            Redirects.NoHttp => new() { [path] = new(ServedResponse.Drop, page, options) },
            Redirects.NoHttps => new() { [path] = new(page, ServedResponse.Drop, options) },
            _ => new()
            {
                // HSTS and a cookie only on the first HTTPS response: the Observatory reads HSTS on the final page.
                [path] = new(To(301, $"https://{Host}{path}"),
                    To(302, $"https://{Host}{next}", ("Strict-Transport-Security", "max-age=63072000"), ("Set-Cookie", Pick(HopCookies))), options),
                [next] = new(page, page, options),
            },
        };
    }

    private (string[] Headers, string[] Metas, bool ReportOnly) PickCsp()
    {
        return _random.Next(9) switch
        {
            0 => ([], [], false),
            1 => ([], [], true),
            2 => ([Pick(CspPolicies), Pick(CspPolicies)], [], false),
            3 => ([], [Pick(MetaCspPolicies)], false),
            4 => ([Pick(CspPolicies)], [Pick(MetaCspPolicies)], false),
            5 => ([], [Pick(MetaCspPolicies), Pick(MetaCspPolicies)], _random.Next(2) == 0),
            6 => ([Pick(CspPolicies)], [], true),
            _ => ([Pick(CspPolicies)], [], false),
        };
    }

    private string[] PickCookies() =>
        [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Pick(CookiePool))];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
