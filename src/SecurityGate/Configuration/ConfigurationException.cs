namespace SecurityGate.Configuration;

/// <summary>
/// Bad options, configuration or input. The message already names the option, file or line;
/// the command line prints it and exits with <see cref="ExitCodes.UsageError"/>.
/// </summary>
public sealed class ConfigurationException(string message) : Exception(message);
