using System.Collections.Immutable;
using System.Text.Json;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>One test's outcome, with the Observatory's names: <c>{"result": "...", "scoreModifier": 0, "pass": true}</c>.</summary>
public sealed record ObservatoryTestResult(string Name, string Result, int ScoreModifier, bool Pass);

/// <summary>
/// The Observatory's verdict on a site: score, grade and the tests in the Observatory's order. When the Observatory
/// would refuse to grade (site down, unexpected status), <see cref="Error"/> holds its message, the score is 0,
/// the grade null and there are no tests.
/// </summary>
public sealed record ObservatoryResult
{
    public required int Score { get; init; }
    public required string? Grade { get; init; }
    public required ImmutableArray<ObservatoryTestResult> Tests { get; init; }
    public string? Error { get; init; }

    public int TestsPassed => Tests.Count(t => t.Pass);
    public int TestsFailed => Tests.Length - TestsPassed;

    /// <summary>The test of that name (see <see cref="ObservatoryTestNames"/>).</summary>
    public ObservatoryTestResult this[string testName] => Tests.Single(t => t.Name == testName);

    public static ObservatoryResult Failed(string error) =>
        new() { Score = 0, Grade = null, Tests = [], Error = error };

    /// <summary>
    /// Writes the report object:
    /// <c>{"score": 85, "grade": "A-", "tests": {"strict-transport-security": {"result": "...", "scoreModifier": 0, "pass": true}, …}}</c>,
    /// or <c>{"error": "..."}</c>.
    /// </summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Error is not null)
        {
            writer.WriteString("error", Error);
            writer.WriteEndObject();
            return;
        }

        writer.WriteNumber("score", Score);
        writer.WriteString("grade", Grade);
        writer.WriteStartObject("tests");
        foreach (var test in Tests)
        {
            writer.WriteStartObject(test.Name);
            writer.WriteString("result", test.Result);
            writer.WriteNumber("scoreModifier", test.ScoreModifier);
            writer.WriteBoolean("pass", test.Pass);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
