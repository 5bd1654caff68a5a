using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecurityGate.Action.Tests;

public sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? Authorization)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
}

/// <summary>A fault served instead of the real answer, once per matching request, while <see cref="Remaining"/> lasts.</summary>
public sealed class Fault(string method, string pathContains, int times, Func<HttpContext, Task> respond)
{
    public string Method { get; } = method;
    public string PathContains { get; } = pathContains;
    public int Remaining = times;
    public Func<HttpContext, Task> Respond { get; } = respond;
}

/// <summary>
/// A local fake of the GitHub REST endpoints the action uses, served under /api/v3/ on 127.0.0.1 (Octokit's layout for
/// non-github.com hosts). It reads raw bodies (Octokit sends JSON with a form content type), records every request,
/// and misbehaves on demand.
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<Fault> _faults = [];
    private readonly object _lock = new();
    private long _nextId = 1000;
    private readonly ConcurrentDictionary<int, string[]> _pullHistory = new();

    public ConcurrentDictionary<long, JsonObject> CheckRuns { get; } = new();
    public ConcurrentDictionary<long, JsonObject> Comments { get; } = new();
    public ConcurrentDictionary<int, JsonObject> PullRequests { get; } = new();

    /// <summary>Login of the token's identity for GET /user; null answers 403 like GITHUB_TOKEN does.</summary>
    public string? UserLogin { get; set; }

    /// <summary>Author given to comments created through the API.</summary>
    public string CommentAuthor { get; set; } = "github-actions[bot]";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void ClearRequests() => _requests.Clear();

    public string ApiUrl { get; private set; } = "";

    private FakeGitHub(WebApplication app) => _app = app;

    public static async Task<FakeGitHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeGitHub(app);
        fake.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ApiUrl = address.TrimEnd('/') + "/api/v3";
        return fake;
    }

    public void AddFault(string method, string pathContains, int times, Func<HttpContext, Task> respond)
    {
        lock (_lock)
            _faults.Add(new Fault(method, pathContains, times, respond));
    }

    public void Fail(string method, string pathContains, int status, string message, int times = 1, params (string, string)[] headers) =>
        AddFault(method, pathContains, times, async http =>
        {
            http.Response.StatusCode = status;
            foreach (var (name, value) in headers)
                http.Response.Headers[name] = value;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" }.ToJsonString());
        });

    public long AddComment(int issue, string author, string body)
    {
        var id = Interlocked.Increment(ref _nextId);
        Comments[id] = CommentJson(id, issue, author, body);
        return id;
    }

    public IEnumerable<JsonObject> CommentsOn(int issue) =>
        Comments.Values.Where(c => (int)c["issue"]! == issue).OrderBy(c => (long)c["id"]!);

    /// <summary>
    /// A pull request whose head is <paramref name="headSha"/>; <paramref name="alsoContains"/> are earlier commits of its
    /// branch. GET …/commits/{sha}/pulls lists it for any of them, like GitHub (which lists every PR containing the commit).
    /// </summary>
    public void AddPullRequest(int number, string headSha, string state = "open", string headRepo = "octo-org/webapp",
        string headRef = "harden-settings", params string[] alsoContains)
    {
        PullRequests[number] = new JsonObject
        {
            ["id"] = 90_000 + number,
            ["number"] = number,
            ["state"] = state,
            ["title"] = $"PR {number}",
            ["html_url"] = $"http://github.invalid/octo-org/webapp/pull/{number}",
            ["head"] = new JsonObject
            {
                ["ref"] = headRef,
                ["sha"] = headSha,
                ["label"] = $"{headRepo.Split('/')[0]}:{headRef}",
                ["repo"] = new JsonObject
                {
                    ["name"] = headRepo.Split('/')[1],
                    ["full_name"] = headRepo,
                    ["fork"] = headRepo != "octo-org/webapp",
                    ["owner"] = new JsonObject { ["login"] = headRepo.Split('/')[0] },
                },
            },
            ["base"] = new JsonObject
            {
                ["ref"] = "main",
                ["sha"] = "9049f1265b7d61be4a8904a9a27120d2064dab3b",
                ["repo"] = new JsonObject { ["name"] = "webapp", ["full_name"] = "octo-org/webapp", ["owner"] = new JsonObject { ["login"] = "octo-org" } },
            },
        };
        _pullHistory[number] = [headSha, .. alsoContains];
    }

    private void Map()
    {
        _app.Use(async (http, next) =>
        {
            http.Request.EnableBuffering();
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            http.Request.Body.Position = 0;
            _requests.Enqueue(new RecordedRequest(http.Request.Method, http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "",
                body, http.Request.Headers.Authorization.FirstOrDefault()));
            Fault? fault;
            lock (_lock)
            {
                fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Method == http.Request.Method
                                                    && (http.Request.Path.Value ?? "").Contains(f.PathContains, StringComparison.Ordinal));
                if (fault is not null)
                    fault.Remaining--;
            }
            if (fault is not null)
            {
                await fault.Respond(http);
                return;
            }
            await next(http);
        });

        _app.MapGet("/api/v3/user", (HttpContext http) => UserLogin is null
            ? Results.Json(new { message = "Resource not accessible by integration" }, statusCode: 403)
            : Results.Json(new { login = UserLogin, id = 1, type = "User" }));

        _app.MapPost("/api/v3/repos/{owner}/{repo}/check-runs", async (HttpContext http, string owner, string repo) =>
        {
            var json = await ReadJson(http);
            var id = Interlocked.Increment(ref _nextId);
            var run = new JsonObject
            {
                ["id"] = id,
                ["name"] = json["name"]?.GetValue<string>(),
                ["head_sha"] = json["head_sha"]?.GetValue<string>(),
                ["external_id"] = json["external_id"]?.GetValue<string>(),
                ["status"] = json["status"]?.GetValue<string>() ?? "queued",
                ["conclusion"] = json["conclusion"]?.GetValue<string>(),
                ["annotation_count"] = (json["output"]?["annotations"] as JsonArray)?.Count ?? 0,
                ["url"] = $"{ApiUrl}/repos/{owner}/{repo}/check-runs/{id}",
                ["html_url"] = $"http://github.invalid/{owner}/{repo}/runs/{id}",
            };
            CheckRuns[id] = run;
            return Results.Json(run, statusCode: 201);
        });

        _app.MapMethods("/api/v3/repos/{owner}/{repo}/check-runs/{id:long}", ["PATCH"], async (HttpContext http, long id) =>
        {
            if (!CheckRuns.TryGetValue(id, out var run))
                return Results.Json(new { message = "Not Found" }, statusCode: 404);
            var json = await ReadJson(http);
            if (json["status"] is { } status)
                run["status"] = status.GetValue<string>();
            if (json["conclusion"] is { } conclusion)
                run["conclusion"] = conclusion.GetValue<string>();
            run["annotation_count"] = (int)run["annotation_count"]! + ((json["output"]?["annotations"] as JsonArray)?.Count ?? 0);
            return Results.Json(run);
        });

        _app.MapGet("/api/v3/repos/{owner}/{repo}/commits/{sha}/check-runs", (HttpContext http, string sha) =>
        {
            var name = http.Request.Query["check_name"].FirstOrDefault();
            var runs = CheckRuns.Values.Where(r => (string?)r["head_sha"] == sha && (name is null || (string?)r["name"] == name))
                .Select(r => r.DeepClone()).ToArray();
            return Results.Json(new JsonObject { ["total_count"] = runs.Length, ["check_runs"] = new JsonArray(runs) });
        });

        // Every PR containing the commit, in any state (merged, closed, open; also ones whose head has moved on).
        _app.MapGet("/api/v3/repos/{owner}/{repo}/commits/{sha}/pulls", (HttpContext http, string sha) =>
            Page(http, PullRequests.Values
                .Where(p => _pullHistory[(int)p["number"]!].Contains(sha))
                .OrderBy(p => (int)p["number"]!)));

        _app.MapGet("/api/v3/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext http, int number) => Page(http, CommentsOn(number)));

        _app.MapPost("/api/v3/repos/{owner}/{repo}/issues/{number:int}/comments", async (HttpContext http, int number) =>
        {
            var json = await ReadJson(http);
            var id = Interlocked.Increment(ref _nextId);
            var comment = CommentJson(id, number, CommentAuthor, json["body"]!.GetValue<string>());
            Comments[id] = comment;
            return Results.Json(comment, statusCode: 201);
        });

        _app.MapMethods("/api/v3/repos/{owner}/{repo}/issues/comments/{id:long}", ["PATCH"], async (HttpContext http, long id) =>
        {
            if (!Comments.TryGetValue(id, out var comment))
                return Results.Json(new { message = "Not Found" }, statusCode: 404);
            var json = await ReadJson(http);
            comment["body"] = json["body"]!.GetValue<string>();
            return Results.Json(comment);
        });

        _app.MapDelete("/api/v3/repos/{owner}/{repo}/issues/comments/{id:long}", (long id) =>
            Comments.TryRemove(id, out _) ? Results.NoContent() : Results.Json(new { message = "Not Found" }, statusCode: 404));
    }

    /// <summary>GitHub's pagination: per_page (default 30, at most 100), page, and a Link rel="next" header while more remain.</summary>
    private static IResult Page(HttpContext http, IEnumerable<JsonObject> items)
    {
        var perPage = int.TryParse(http.Request.Query["per_page"], out var pp) ? Math.Min(pp, 100) : 30;
        var page = int.TryParse(http.Request.Query["page"], out var p) ? p : 1;
        var all = items.ToList();
        var slice = all.Skip((page - 1) * perPage).Take(perPage).Select(c => c.DeepClone()).ToArray();
        if (page * perPage < all.Count)
        {
            var next = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}?per_page={perPage}&page={page + 1}";
            http.Response.Headers["Link"] = $"<{next}>; rel=\"next\"";
        }
        return Results.Json(new JsonArray(slice));
    }

    private static JsonObject CommentJson(long id, int issue, string author, string body) => new()
    {
        ["id"] = id,
        ["issue"] = issue,
        ["body"] = body,
        ["user"] = new JsonObject { ["login"] = author, ["id"] = 41898282, ["type"] = author.EndsWith("[bot]") ? "Bot" : "User" },
        ["html_url"] = $"http://github.invalid/comments/{id}",
        ["created_at"] = "2026-11-01T00:00:00Z",
        ["updated_at"] = "2026-11-01T00:00:00Z",
    };

    /// <summary>The raw body: Octokit labels its JSON application/x-www-form-urlencoded, so model binding cannot be used.</summary>
    private static async Task<JsonObject> ReadJson(HttpContext http)
    {
        http.Request.Body.Position = 0;
        var text = await new StreamReader(http.Request.Body).ReadToEndAsync();
        return JsonNode.Parse(text)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
