using Microsoft.Extensions.Logging;

namespace Interlock.Cli;

/// <summary>
/// Writes warnings and errors to the CLI's error stream (not straight to the process console), so output stays
/// separable from data and the in-process tests see what a user would see.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly TextWriter _writer = writer;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(TextWriterLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var level = logLevel switch { LogLevel.Warning => "warn", LogLevel.Error => "fail", _ => "crit" };
            lock (owner._gate)
            {
                owner._writer.WriteLine($"{level}: {category}: {formatter(state, exception)}");
                if (exception is not null) owner._writer.WriteLine(exception.Message);
            }
        }
    }
}
