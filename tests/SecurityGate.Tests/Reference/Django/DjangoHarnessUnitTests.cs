namespace SecurityGate.Tests.Reference.Django;

/// <summary>Parser and generator behaviour that needs no Django.</summary>
public sealed class DjangoHarnessUnitTests
{
    private const string WarningsOnStderr = """
        System check identified some issues:

        WARNINGS:
        ?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting. If your entire site is served only over SSL, you may want to consider setting a value and enabling HTTP Strict Transport Security. Be sure to read the documentation first; enabling HSTS carelessly can cause serious, irreversible problems.
        ?: (security.W025) SECRET_KEY_FALLBACKS[1] has less than 50 characters.
        ?: (security.W025) SECRET_KEY_FALLBACKS[2] has less than 50 characters.
        	HINT: a hint line (fields.E999) mentioning an id in parentheses is not a message
        auth.User.groups: (fields.E304) Reverse accessor clashes.

        System check identified 4 issues (2 silenced).

        """;

    [Fact]
    public void Parser_returns_ids_in_printed_order_keeping_duplicates_and_reads_the_summary()
    {
        var o = DjangoCheckOutput.Parse("", WarningsOnStderr);

        Assert.Equal(["security.W004", "security.W025", "security.W025", "fields.E304"], o.CheckIds);
        Assert.Equal(4, o.ReportedIssueCount);
        Assert.Equal(2, o.SilencedCount);
        Assert.Null(o.Problem);
    }

    [Fact]
    public void Parser_reads_no_issues_from_stdout()
    {
        var o = DjangoCheckOutput.Parse("System check identified no issues (0 silenced).\n", "");

        Assert.Empty(o.CheckIds);
        Assert.Equal(0, o.ReportedIssueCount);
        Assert.Null(o.Problem);
    }

    [Fact]
    public void Parser_reads_the_SystemCheckError_form_with_CRLF_line_ends()
    {
        var stderr = "SystemCheckError: System check identified some issues:\r\n\r\nERRORS:\r\n" +
                     "?: (security.E023) You have set the SECURE_REFERRER_POLICY setting to an invalid value.\r\n" +
                     "\tHINT: Valid values are: no-referrer.\r\n\r\nWARNINGS:\r\n?: (async.E001) x\r\n?: (4_0.E001) y\r\n\r\n" +
                     "System check identified 3 issues (0 silenced).\r\n";

        var o = DjangoCheckOutput.Parse("", stderr);

        Assert.Equal(["security.E023", "async.E001", "4_0.E001"], o.CheckIds);
        Assert.Null(o.Problem);
    }

    [Fact]
    public void Parser_flags_output_without_a_summary_as_not_completed()
    {
        var o = DjangoCheckOutput.Parse("", "Traceback (most recent call last):\nModuleNotFoundError: No module named 'nonexist'\n");

        Assert.Null(o.ReportedIssueCount);
        Assert.NotNull(o.Problem);
    }

    [Fact]
    public void Parser_flags_a_count_mismatch()
    {
        var o = DjangoCheckOutput.Parse("", "?: (security.W004) x\n\nSystem check identified 2 issues (0 silenced).\n");

        Assert.NotNull(o.Problem);
    }

    [Fact]
    public void Generator_is_deterministic_per_seed()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var a = DjangoSettingsGenerator.Generate(seed);
            var b = DjangoSettingsGenerator.Generate(seed);
            Assert.Equal(a.Dump(), b.Dump());
        }

        Assert.NotEqual(DjangoSettingsGenerator.Generate(1).Dump(), DjangoSettingsGenerator.Generate(2).Dump());
    }

    [Fact]
    public void Generator_draws_the_documented_variety_over_a_few_hundred_seeds()
    {
        var texts = Enumerable.Range(0, 400).Select(DjangoSettingsGenerator.Generate).ToList();
        var all = string.Join("\n", texts.Select(t => t.Dump()));

        Assert.Contains(texts, t => t.SettingsModule.Contains(".settings.", StringComparison.Ordinal)); // split
        Assert.Contains(texts, t => t.SettingsModule.EndsWith(".settings", StringComparison.Ordinal)); // single
        Assert.Contains(texts, t => t.Environment.Count > 0);
        foreach (var needle in new[]
                 {
                     "from .base import *", "MIDDLEWARE.append(", "MIDDLEWARE.insert(0, ", "MIDDLEWARE += [", "MIDDLEWARE.remove(",
                     "INSTALLED_APPS += ", "'django-insecure-", "SECRET_KEY = ''", "os.environ.get('DJANGO_SECRET_KEY')",
                     "ALLOWED_HOSTS = []", "ALLOWED_HOSTS = ['*']", "SECURE_HSTS_SECONDS = -1", "SECURE_HSTS_SECONDS = None",
                     "SECURE_HSTS_PRELOAD = '1'", "SESSION_COOKIE_SECURE = 1", "SESSION_COOKIE_HTTPONLY = '1'",
                     "CSRF_USE_SESSIONS = True", "X_FRAME_OPTIONS = 'deny'", "SECURE_REFERRER_POLICY = ''",
                     "SECURE_REFERRER_POLICY = ('no-referrer', 'strict-origin')", "SECURE_CROSS_ORIGIN_OPENER_POLICY = 'invalid-value'",
                     "SECRET_KEY_FALLBACKS = [", "= not DEBUG", "if not DEBUG:", "DJANGO_ALLOW_ASYNC_UNSAFE",
                 })
        {
            Assert.Contains(needle, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Python_string_literals_escape_quotes_and_backslashes()
    {
        Assert.Equal(@"'it\'s a \\ path'", DjangoSettingsGenerator.PyStr(@"it's a \ path"));
    }
}
