namespace Interlock.Cli;

/// <summary>What the process returns, so scripts can tell a broken audit chain from a typo.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command ran and found a problem: the audit chain is broken.</summary>
    public const int CheckFailed = 1;
    /// <summary>The input was wrong: an unknown option, organization or role, a weak password.</summary>
    public const int InvalidInput = 2;
    /// <summary>The command could not run: database unreachable, schema missing, unexpected error.</summary>
    public const int Failed = 3;
}
