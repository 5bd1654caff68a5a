using System.Text;
using SecurityGate.Rules.Sshd;
using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Sshd;

namespace SecurityGate.Tests.Sources.Sshd;

/// <summary>Random and mutated configs must never make the source or a rule throw.</summary>
public sealed class SshdRobustnessTests
{
    private const int Seed = 4242;
    private const int Iterations = 600;
    private const string Alphabet = "abcdefgPAM =\"'\\#!,*?/[]{}%\t\r\n0123456789.:-+^~";

    [Fact]
    public void Mutated_and_random_configs_never_throw()
    {
        var random = new Random(Seed);
        var generator = new SshdConfigGenerator(Seed);
        var connection = SshdConnection.Parse("user=deploy,host=h.example.com,addr=10.1.2.3,laddr=10.0.0.1,lport=22");
        for (var i = 0; i < Iterations; i++)
        {
            var (main, files) = generator.Next();
            var repo = new InMemoryRepositoryFiles()
                .Add("etc/ssh/sshd_config", Mutate(random, main.Replace(SshdConfigGenerator.Root, "/etc/ssh")))
                .Add("etc/ssh/sshd_config.d/x.conf.j2", RandomText(random))
                .Add("etc/ssh/sshd_config.d/self.conf", "Include /etc/ssh/sshd_config.d/*.conf\nInclude /etc/ssh/sshd_config\n");
            foreach (var (path, text) in files)
                repo.Add("etc/ssh/" + path, Mutate(random, text.Replace(SshdConfigGenerator.Root, "/etc/ssh")));
            foreach (var model in SshdSource.Load(repo, i % 2 == 0 ? null : connection))
            {
                foreach (var rule in SshdRules.All)
                    _ = rule.Evaluate(model).ToList();
                foreach (var keyword in SshdValues.Modelled)
                    _ = model.Effective.Get(keyword).Describe();
            }
        }
    }

    private static string Mutate(Random random, string text)
    {
        var chars = new StringBuilder(text);
        var edits = random.Next(0, 6);
        for (var e = 0; e < edits && chars.Length > 0; e++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(3))
            {
                case 0: chars.Remove(at, 1); break;
                case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                default: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
            }
        }
        return chars.ToString();
    }

    private static string RandomText(Random random)
    {
        var keywords = SshdKeywords.Spellings.ToArray();
        var text = new StringBuilder();
        for (var line = random.Next(0, 12); line > 0; line--)
        {
            text.Append(random.Next(3) == 0 ? "Match " : keywords[random.Next(keywords.Length)] + " ");
            for (var c = random.Next(0, 20); c > 0; c--)
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            text.Append('\n');
        }
        return text.ToString();
    }
}
