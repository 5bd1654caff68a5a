using System.Globalization;
using System.Net;
using Octokit;
using Octokit.Internal;
using SecurityGate.Reports;

namespace SecurityGate.Action;

/// <summary>
/// How hard to try against the GitHub API. Octokit never retries, so <see cref="RetryHandler"/> does:
/// 5xx and timeouts (idempotent methods only), 429 and rate limits (any method: the request was not processed),
/// with exponential backoff and jitter, honouring Retry-After / x-ratelimit-reset, within a total time budget.
/// </summary>
public sealed record RetryPolicy
{
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Secondary rate limit without Retry-After: wait at least a minute (REST best practices).</summary>
    public TimeSpan SecondaryLimitDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>All GitHub calls of one run together; reporting must not hold the job hostage.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Injected so tests do not sleep; it also advances <see cref="Clock"/> in tests that check the budget.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A number in [0, 1) for jitter.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
}

/// <summary>Builds the Octokit client so GITHUB_API_URL is used as given (GHES /api/v3, GHE.com api.SUB.ghe.com, github.com).</summary>
public static class GitHubApi
{
    public static IGitHubClient CreateClient(GitHubContext context, RetryPolicy policy, Action<string> log)
    {
        var product = new ProductHeaderValue("SecurityGate", ToolInfo.Version);
        // new GitHubClient(product, uri) would rewrite any non-github.com host to /api/v3/; a Connection with an
        // explicit base address keeps GITHUB_API_URL verbatim. The trailing slash matters: endpoints are relative.
        var baseAddress = new Uri(context.ApiUrl.TrimEnd('/') + "/");
        var credentials = context.Token is { Length: > 0 } token ? new Credentials(token) : Credentials.Anonymous;
        var http = new HttpClientAdapter(() => new RetryHandler(policy, log) { InnerHandler = HttpMessageHandlerFactory.CreateDefault() });
        var connection = new Connection(product, baseAddress, new InMemoryCredentialStore(credentials), http, new SimpleJsonSerializer());
        connection.SetRequestTimeout(policy.Budget + policy.AttemptTimeout);
        return new GitHubClient(connection);
    }
}

/// <summary>Retries what is safe to retry; see <see cref="RetryPolicy"/>. Logs one line per retry (never headers or bodies of requests).</summary>
public sealed class RetryHandler(RetryPolicy policy, Action<string> log) : DelegatingHandler
{
    private long? _start;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _start ??= policy.Clock.GetTimestamp();
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var idempotent = request.Method != HttpMethod.Post;
        for (var attempt = 1; ; attempt++)
        {
            if (Elapsed() >= policy.Budget)
                throw new TimeoutException($"the GitHub API time budget of {policy.Budget.TotalSeconds:0} s is used up.");
            using var clone = Clone(request, body);
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(policy.AttemptTimeout);
            HttpResponseMessage? response = null;
            TimeSpan? wait = null;
            string reason;
            try
            {
                response = await base.SendAsync(clone, attemptTimeout.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException)
            {
                if (!idempotent || attempt >= policy.MaxAttempts)
                    throw;
                reason = e is OperationCanceledException ? "timed out" : "failed to connect";
                await WaitAsync(Backoff(attempt), request, reason, attempt, cancellationToken, rethrow: true);
                continue;
            }

            var status = (int)response.StatusCode;
            if (await IsRateLimitedAsync(response, cancellationToken) is { } rateWait)
            {
                wait = rateWait;
                reason = $"rate limited ({status})";
            }
            else if (status >= 500 && idempotent)
            {
                reason = $"server error {status}";
            }
            else
            {
                return response;
            }

            wait ??= Backoff(attempt);
            if (attempt >= policy.MaxAttempts || Elapsed() + wait.Value > policy.Budget)
                return response;
            response.Dispose();
            await WaitAsync(wait.Value, request, reason, attempt, cancellationToken, rethrow: false);
        }
    }

    private async Task WaitAsync(TimeSpan wait, HttpRequestMessage request, string reason, int attempt, CancellationToken ct, bool rethrow)
    {
        if (rethrow && Elapsed() + wait > policy.Budget)
            throw new TimeoutException($"the GitHub API time budget of {policy.Budget.TotalSeconds:0} s is used up.");
        log($"GitHub API {request.Method} {request.RequestUri?.AbsolutePath} {reason}; retry {attempt} in {wait.TotalSeconds:0.#} s.");
        await policy.Delay(wait, ct);
    }

    private TimeSpan Elapsed() => policy.Clock.GetElapsedTime(_start ?? policy.Clock.GetTimestamp());

    private TimeSpan Backoff(int attempt)
    {
        var exponential = policy.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.5 + policy.Jitter());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, policy.MaxDelay.TotalMilliseconds));
    }

    /// <summary>
    /// 429, or 403 with x-ratelimit-remaining: 0 or a "secondary rate limit" message, is rate limiting (REST rate-limit
    /// docs): wait Retry-After seconds if sent, else until x-ratelimit-reset, else a minute for secondary limits.
    /// </summary>
    private async Task<TimeSpan?> IsRateLimitedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = response.StatusCode;
        if (status != HttpStatusCode.TooManyRequests && status != HttpStatusCode.Forbidden)
            return null;
        var remainingZero = Header(response, "x-ratelimit-remaining") == "0";
        var secondary = false;
        if (status == HttpStatusCode.Forbidden && !remainingZero)
        {
            await response.Content.LoadIntoBufferAsync(ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            secondary = text.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
                        || text.Contains("abuse", StringComparison.OrdinalIgnoreCase);
            if (!secondary)
                return null;
        }
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
                return delta;
            if (retryAfter.Date is { } date)
                return Max(date - policy.Clock.GetUtcNow());
        }
        if (remainingZero && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
            return Max(DateTimeOffset.FromUnixTimeSeconds(reset) - policy.Clock.GetUtcNow());
        return secondary ? policy.SecondaryLimitDelay : Backoff(1);
    }

    private static TimeSpan Max(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        foreach (var option in request.Options)
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        return clone;
    }
}

/// <summary>Recognises GitHub's "this token may not do that" answer.</summary>
public static class GitHubErrors
{
    public const string NotAccessibleByIntegration = "Resource not accessible by integration";

    public static bool IsPermissionDenied(Exception e) =>
        e is ForbiddenException and not RateLimitExceededException and not SecondaryRateLimitExceededException and not AbuseException;

    /// <summary>A short, single-line description; API messages are data, so callers still log them neutralised.</summary>
    public static string Describe(Exception e) => e switch
    {
        ApiException api => $"{(int)api.StatusCode} {api.Message}",
        _ => e.Message,
    };
}
