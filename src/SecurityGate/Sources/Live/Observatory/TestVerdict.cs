namespace SecurityGate.Sources.Live.Observatory;

/// <summary>What one test decided, before the score table adds the modifier.</summary>
internal sealed record TestVerdict(string Result, bool Pass);

/// <summary>Keeps the worse of two results by a test's own "badness" order (best first).</summary>
internal static class WorstOf
{
    public static string? Pick(string candidate, string? current, IReadOnlyList<string> bestToWorst)
    {
        if (current is null)
        {
            return candidate;
        }

        return IndexOf(bestToWorst, candidate) > IndexOf(bestToWorst, current) ? candidate : current;
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1; // results outside the order lose to any listed one, as in the Observatory
    }
}
