using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecurityGate.Findings;

namespace SecurityGate.Sources.Docker;

/// <summary>
/// Reads a Dockerfile as BuildKit's frontend does: the <c># escape=</c> parser directive, comment lines (also inside
/// continuations), line continuations, heredocs (<c>RUN &lt;&lt;EOF … EOF</c>), JSON (exec) and shell forms, and stages.
/// Never throws; an instruction before the first FROM is a problem.
/// </summary>
public static partial class DockerfileParser
{
    [GeneratedRegex(@"^#\s*escape\s*=\s*(?<char>\S)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EscapeDirective();

    [GeneratedRegex(@"^#\s*[a-z]+\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyDirective();

    [GeneratedRegex(@"<<-?\s*(?<quote>[""']?)(?<word>[A-Za-z_][A-Za-z0-9_]*)\k<quote>", RegexOptions.CultureInvariant)]
    private static partial Regex Heredoc();

    [GeneratedRegex(@"^(?<keyword>[A-Za-z]+)(?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex InstructionPattern();

    private readonly record struct Segment(int Offset, int Line, int Column);

    public static DockerfileModel Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var escape = '\\';
        var i = 0;
        // Parser directives: only at the very top, before any other line.
        for (; i < lines.Length && AnyDirective().IsMatch(lines[i].Trim()); i++)
        {
            if (EscapeDirective().Match(lines[i].Trim()) is { Success: true } m && m.Groups["char"].Value[0] is '`' or '\\')
                escape = m.Groups["char"].Value[0];
        }

        var problems = new List<DockerProblem>();
        var instructions = new List<DockerInstruction>();
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                continue;

            var startLine = i + 1;
            var startColumn = line.Length - trimmed.Length + 1;
            var joined = new StringBuilder();
            var segments = new List<Segment>();
            var current = trimmed;
            var column = startColumn;
            while (true)
            {
                var body = current.TrimEnd();
                var continues = body.Length > 0 && body[^1] == escape && i + 1 < lines.Length;
                segments.Add(new Segment(joined.Length, i + 1, column));
                joined.Append(continues ? body[..^1] : body);
                if (!continues)
                    break;
                // Comment and empty lines inside a continuation are dropped, as BuildKit does.
                do i++; while (i + 1 < lines.Length && (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#')));
                if (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#'))
                    break;
                current = lines[i];
                column = 1;
            }

            var instructionText = joined.ToString();
            var match = InstructionPattern().Match(instructionText);
            var location = SourceLocation.At(path, startLine, startColumn);
            if (!match.Success)
            {
                problems.Add(new DockerProblem($"cannot read the instruction '{Shorten(instructionText)}'", location));
                continue;
            }
            var keyword = match.Groups["keyword"].Value.ToUpperInvariant();
            var rest = match.Groups["rest"].Value;
            var restOffset = match.Groups["rest"].Success ? match.Groups["rest"].Index : instructionText.Length;

            // Heredoc bodies belong to the instruction: skip to each terminator.
            foreach (Match doc in Heredoc().Matches(rest))
            {
                var word = doc.Groups["word"].Value;
                while (i + 1 < lines.Length && lines[++i].Trim() != word) { }
            }

            var words = SplitWords(rest, restOffset, segments, path, escape);
            instructions.Add(new DockerInstruction(keyword, rest, words, ExecForm(rest), location));
        }

        var globalArgs = instructions.TakeWhile(x => x.Keyword != DockerfileKeywords.From).Where(x => x.Keyword == DockerfileKeywords.Arg);
        return new DockerfileModel(path, [.. globalArgs], BuildStages(instructions, problems), [.. problems]);
    }

    private static ImmutableArray<DockerStage> BuildStages(List<DockerInstruction> instructions, List<DockerProblem> problems)
    {
        var stages = ImmutableArray.CreateBuilder<DockerStage>();
        DockerInstruction? from = null;
        var body = ImmutableArray.CreateBuilder<DockerInstruction>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == DockerfileKeywords.From)
            {
                if (from is not null)
                    stages.Add(Stage(from, body.ToImmutable()));
                from = instruction;
                body.Clear();
            }
            else if (from is null && instruction.Keyword != DockerfileKeywords.Arg)
                problems.Add(new DockerProblem($"{instruction.Keyword} before the first FROM", instruction.Location));
            else if (from is not null)
                body.Add(instruction);
        }
        if (from is not null)
            stages.Add(Stage(from, body.ToImmutable()));
        return stages.ToImmutable();
    }

    private static DockerStage Stage(DockerInstruction from, ImmutableArray<DockerInstruction> body)
    {
        var words = from.Words.Select(w => w.Value).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        var image = words.Count > 0 ? words[0] : "";
        var name = words.Count >= 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
        return new DockerStage(from, image, name, body);
    }

    private static ImmutableArray<string>? ExecForm(string rest)
    {
        var trimmed = rest.Trim();
        if (!trimmed.StartsWith('['))
            return null;
        try
        {
            using var json = JsonDocument.Parse(trimmed);
            if (json.RootElement.ValueKind != JsonValueKind.Array || json.RootElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                return null;
            return [.. json.RootElement.EnumerateArray().Select(e => e.GetString()!)];
        }
        catch (JsonException)
        {
            return null; // not valid JSON: Docker runs it in shell form
        }
    }

    /// <summary>Shell-style words: blanks separate, quotes group, the escape character protects the next one.</summary>
    private static ImmutableArray<DockerWord> SplitWords(string rest, int restOffset, List<Segment> segments, string path, char escape)
    {
        var words = ImmutableArray.CreateBuilder<DockerWord>();
        var word = new StringBuilder();
        var start = -1;
        char? quote = null;
        for (var k = 0; k < rest.Length; k++)
        {
            var c = rest[k];
            if (quote is null && char.IsWhiteSpace(c))
            {
                Flush(k);
                continue;
            }
            if (start < 0)
                start = k;
            if (c == escape && quote != '\'' && k + 1 < rest.Length)
                word.Append(rest[++k]);
            else if (quote is null && c is '"' or '\'')
                quote = c;
            else if (quote == c)
                quote = null;
            else
                word.Append(c);
        }
        Flush(rest.Length);
        return words.ToImmutable();

        void Flush(int end)
        {
            if (start < 0)
                return;
            words.Add(new DockerWord(word.ToString(), LocationAt(restOffset + start)));
            word.Clear();
            start = -1;
        }

        SourceLocation LocationAt(int offset)
        {
            var segment = segments.Last(s => s.Offset <= offset);
            return SourceLocation.At(path, segment.Line, segment.Column + offset - segment.Offset);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
