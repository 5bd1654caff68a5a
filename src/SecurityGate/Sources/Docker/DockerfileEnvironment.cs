using System.Collections.Immutable;

namespace SecurityGate.Sources.Docker;

/// <summary>
/// The ENV and ARG assignments of every stage and the ARGs before the first FROM: all are committed with the
/// Dockerfile, and those of the final stage also end up in the image or its history (<c>docker history</c> shows ARGs).
/// </summary>
public static class DockerfileEnvironment
{
    public static EnvironmentModel Of(DockerfileModel dockerfile)
    {
        var assignments = ImmutableArray.CreateBuilder<EnvironmentAssignment>();
        foreach (var arg in dockerfile.GlobalArgs)
            assignments.AddRange(Arg(arg));
        foreach (var stage in dockerfile.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Keyword == DockerfileKeywords.Env)
                    assignments.AddRange(Env(instruction));
                else if (instruction.Keyword == DockerfileKeywords.Arg)
                    assignments.AddRange(Arg(instruction));
            }
        }
        return new EnvironmentModel(dockerfile.Path, EnvironmentFileKind.Dockerfile, assignments.ToImmutable());
    }

    /// <summary><c>ENV A=1 B="two words"</c>, or the legacy <c>ENV A value with spaces</c>.</summary>
    private static IEnumerable<EnvironmentAssignment> Env(DockerInstruction instruction)
    {
        var words = instruction.Words;
        if (words.IsEmpty)
            yield break;
        if (!words[0].Value.Contains('='))
        {
            var value = string.Join(' ', words.Skip(1).Select(w => w.Value));
            yield return EnvironmentModel.Assign(words[0].Value, value, DockerfileKeywords.Env, words[0].Location);
            yield break;
        }
        foreach (var word in words)
        {
            var equals = word.Value.IndexOf('=');
            if (equals > 0)
                yield return EnvironmentModel.Assign(word.Value[..equals], word.Value[(equals + 1)..], DockerfileKeywords.Env, word.Location);
        }
    }

    /// <summary><c>ARG NAME</c> (no default: supplied at build time) or <c>ARG NAME=default</c>.</summary>
    private static IEnumerable<EnvironmentAssignment> Arg(DockerInstruction instruction)
    {
        foreach (var word in instruction.Words)
        {
            var equals = word.Value.IndexOf('=');
            if (equals > 0)
                yield return EnvironmentModel.Assign(word.Value[..equals], word.Value[(equals + 1)..], DockerfileKeywords.Arg, word.Location);
        }
    }
}
