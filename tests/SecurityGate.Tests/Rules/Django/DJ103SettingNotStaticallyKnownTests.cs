using SecurityGate.Configuration;
using SecurityGate.Gate;
using SecurityGate.Rules.Django;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Tests.Rules.Django;

public sealed class DJ103SettingNotStaticallyKnownTests
{
    private static async Task<string> NoteFor(string setting, string settingsText)
    {
        var files = new InMemoryRepositoryFiles().Add("shop/__init__.py", "").Add("shop/settings.py", settingsText);
        var options = new GateOptions { RepositoryPath = "/repo", DjangoSettingsModule = "shop.settings" };
        var result = await new GateRunner([DjangoAnalyzer.Create()]).RunAsync(options, files, [], null, CancellationToken.None);
        return Assert.Single(result.Findings, f => f.RuleId == "DJ103" && f.Message.StartsWith(setting + " ", StringComparison.Ordinal)).Message;
    }

    [Fact]
    public async Task Long_possible_values_are_summarised_short_ones_shown()
    {
        var many = string.Join(", ", Enumerable.Range(1, 40).Select(i => $"\"app{i}\""));
        var message = await NoteFor("INSTALLED_APPS",
            $"import os\nif os.getenv(\"SPOOKY\"):\n    INSTALLED_APPS = [{many}]\nelse:\n    INSTALLED_APPS = [\"shop\"]\n");

        Assert.Contains("a list of 40 items when os.getenv(\"SPOOKY\")", message);
        Assert.Contains("['shop'] when not (os.getenv(\"SPOOKY\"))", message);
        Assert.DoesNotContain("app40", message);
    }

    [Fact]
    public async Task A_long_string_is_cut_at_the_limit()
    {
        var message = await NoteFor("ALLOWED_HOSTS",
            $"import os\nif os.getenv(\"X\"):\n    ALLOWED_HOSTS = \"{new string('h', 300)}\"\nelse:\n    ALLOWED_HOSTS = \"example.com\"\n");

        Assert.True(message.Contains(new string('h', DJ103SettingNotStaticallyKnown.MaxShownValueLength - 1) + "…", StringComparison.Ordinal), message);
        Assert.DoesNotContain(new string('h', DJ103SettingNotStaticallyKnown.MaxShownValueLength + 1), message);
    }
}
