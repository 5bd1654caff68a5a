namespace SecurityGate.Action;

/// <summary>What a channel did; a failed channel leaves a note for the step summary and never touches the exit code.</summary>
public sealed record ChannelOutcome(string Channel, bool Done, string? Note = null)
{
    public static ChannelOutcome Ok(string channel, string? note = null) => new(channel, true, note);
    public static ChannelOutcome Skipped(string channel, string note) => new(channel, false, note);
    public static ChannelOutcome Failed(string channel, string note) => new(channel, false, note);
}
