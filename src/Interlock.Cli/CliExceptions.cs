namespace Interlock.Cli;

/// <summary>Bad input found by the CLI itself; <see cref="Field"/> is the option or argument as the user typed it.</summary>
public sealed class CliInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The command cannot run in the current state (e.g. the schema is missing); not the user's typing.</summary>
public sealed class CliFailureException(string message) : Exception(message);
