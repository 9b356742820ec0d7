using Interlock.Cli;
using Xunit;

namespace Interlock.Tests.Integration.Cli;

public sealed record CliResult(int ExitCode, string Out, string Err)
{
    /// <summary>Shown when an assertion fails, so the failure says what the command printed.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
}

/// <summary>Runs the real command tree in-process, with captured streams, as the executable would.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(IDictionary<string, string?>? config, string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, config, stdin is null ? null : new StringReader(stdin),
            TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, null, args);
}
