using Spectre.Console;

namespace Interlock.Cli;

/// <summary>Spectre consoles over the given writers: colour and animation on a terminal, plain text in a pipe or a test.</summary>
public static class CliConsole
{
    /// <summary>Wide enough that messages and secrets are never wrapped when the output is captured.</summary>
    private const int CapturedWidth = 240;

    public static IAnsiConsole Create(TextWriter writer)
    {
        var output = new AnsiConsoleOutput(writer);
        if (output.IsTerminal)
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = output });

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = CapturedWidth;
        return console;
    }

    /// <summary>Writes text exactly as given, on its own line: for secrets a user copies and scripts parse.</summary>
    public static void WriteVerbatim(this IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.WriteLine(text);
        console.Profile.Out.Writer.Flush();
    }

    /// <summary>"error: field: reason", red on a terminal, one unwrapped line elsewhere so logs and greps keep it whole.</summary>
    public static void WriteError(this IAnsiConsole console, string? field, string message)
    {
        var text = field is null ? message : $"{field}: {message}";
        if (console.Profile.Capabilities.Ansi) console.MarkupLine($"[red]error:[/] {Markup.Escape(text)}");
        else console.WriteVerbatim("error: " + text);
    }

    /// <summary>Runs work under a spinner on a terminal; elsewhere just runs it.</summary>
    public static Task<T> WithStatusAsync<T>(this IAnsiConsole console, string status, Func<Task<T>> work) =>
        console.Profile.Capabilities.Interactive
            ? console.Status().StartAsync(status, _ => work())
            : work();
}
