using Xunit;

namespace Interlock.Tests.Integration.Cli;

/// <summary>Every command explains itself: <c>--help</c> exits 0 and lists what the command takes.</summary>
public sealed class CliHelpTests
{
    public static TheoryData<string, string[]> Commands => new()
    {
        { "", ["--provider", "--connection", "db", "seed", "user", "token", "audit"] },
        { "db", ["migrate"] },
        { "db migrate", ["--provider", "--connection"] },
        { "seed", ["--provider", "--connection"] },
        { "user", ["add"] },
        { "user add", ["<userName>", "--org", "--role", "--password-stdin", "--display-name", "--email", "--provider", "--connection"] },
        { "token", ["create"] },
        { "token create", ["<userName>", "--name", "--scope", "--days", "--provider", "--connection"] },
        { "audit", ["verify"] },
        { "audit verify", ["--provider", "--connection"] },
        { "alerts", ["evaluate"] },
        { "alerts evaluate", ["--provider", "--connection"] },
    };

    [Theory, MemberData(nameof(Commands))]
    public async Task Help_exits_0_and_mentions_every_option(string command, string[] expected)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Err);
        Assert.Contains("Description:", result.Out);
        foreach (var item in expected) Assert.Contains(item, result.Out);
    }

    [Theory]
    [InlineData("user", "add", "someone")]          // --org and --role are required
    [InlineData("token", "create", "someone", "--scope", "admin", "--name", "x")]
    [InlineData("--provider", "oracle", "seed")]
    [InlineData("no-such-command")]
    public async Task A_command_line_that_does_not_parse_exits_2(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.NotEqual("", result.Err);
    }
}
