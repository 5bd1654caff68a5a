using SecurityGate.Docker.DjangoCheck;

namespace SecurityGate.Docker.Tests.DjangoCheck;

public sealed class DjangoCheckOutputParserTests
{
    private static readonly Dictionary<string, string> SampleEnvironment = new()
    {
        ["SHOP_SECRET_KEY"] = HostDjango.SecretKey,
        ["SHOP_CHECK_SAMPLES"] = "1",
    };

    [Theory]
    [MemberData(nameof(HostDjango.Versions), MemberType = typeof(HostDjango))]
    public void Parsed_text_equals_Djangos_own_message_list(string version)
    {
        // Every shape: critical, multi-line error with hint, object name with ": (", no id, info with hint, debug.
        var run = HostDjango.RunManageCheck(version, SampleEnvironment);
        var (installed, expected) = HostDjango.Messages(version, SampleEnvironment);

        Assert.StartsWith(version + ".", installed, StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode); // warnings at --fail-level WARNING
        var parsed = DjangoCheckOutputParser.Parse(run.Output);
        Assert.NotNull(parsed);
        Assert.Equal(Sorted(expected), Sorted(parsed.Value));
        Assert.Contains(parsed.Value, m => m is { CheckId: "", Text: "A warning without an id.", Level: DjangoCheckLevel.Warning });
        Assert.Contains(parsed.Value, m => m is { CheckId: "shop.W002", Object: "field: (x) y" });
        Assert.Contains(parsed.Value, m => m is { CheckId: "shop.E001", Text: "First line of an error.\nSecond line of the same error.", Hint: "Close it." });
    }

    [Theory]
    [MemberData(nameof(HostDjango.Versions), MemberType = typeof(HostDjango))]
    public void Default_project_messages_parse_like_Djangos_list(string version)
    {
        var environment = new Dictionary<string, string> { ["SHOP_SECRET_KEY"] = HostDjango.SecretKey };
        var parsed = DjangoCheckOutputParser.Parse(HostDjango.RunManageCheck(version, environment).Output);

        Assert.NotNull(parsed);
        Assert.Equal(Sorted(HostDjango.Messages(version, environment).Messages), Sorted(parsed.Value));
        Assert.Equal(["security.W004", "security.W018", "shop.W001"], parsed.Value.Select(m => m.CheckId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Clean_project_has_no_messages()
    {
        var parsed = DjangoCheckOutputParser.Parse("System check identified no issues (0 silenced).\n");

        Assert.NotNull(parsed);
        Assert.Empty(parsed.Value);
    }

    [Fact]
    public void Traceback_is_not_a_report()
    {
        const string traceback = """
            Traceback (most recent call last):
              File "/srv/site/manage.py", line 9, in <module>
                execute_from_command_line(sys.argv)
            KeyError: 'SHOP_SECRET_KEY'
            """;

        Assert.Null(DjangoCheckOutputParser.Parse(traceback));
        Assert.Null(DjangoCheckOutputParser.Parse(""));
    }

    [Fact]
    public void Windows_line_ends_and_the_error_prefix_are_accepted()
    {
        const string output = "SystemCheckError: System check identified some issues:\r\n\r\nERRORS:\r\n" +
                              "?: (security.E023) You have set the SECURE_REFERRER_POLICY setting to an invalid value.\r\n" +
                              "\tHINT: Valid values are: no-referrer.\r\n\r\nSystem check identified 1 issue (0 silenced).\r\n";

        var message = Assert.Single(DjangoCheckOutputParser.Parse(output)!.Value);

        Assert.Equal(new DjangoCheckMessage(DjangoCheckLevel.Error, "security.E023", "?",
            "You have set the SECURE_REFERRER_POLICY setting to an invalid value.", "Valid values are: no-referrer."), message);
    }

    private static List<DjangoCheckMessage> Sorted(IEnumerable<DjangoCheckMessage> messages) =>
        [.. messages.OrderBy(m => m.Level).ThenBy(m => m.CheckId, StringComparer.Ordinal).ThenBy(m => m.Text, StringComparer.Ordinal)];
}
