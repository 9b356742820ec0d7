namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>
/// One running host per test class and provider, shared by that class's tests (which use unique names and users,
/// so they do not interfere). A PostgreSQL fixture without a configured server starts nothing; each test then
/// skips, or fails in CI (see <see cref="PostgresServer.Require"/>).
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private InterlockFactory? _app;

    public abstract TestProvider Provider { get; }

    public InterlockFactory App
    {
        get
        {
            if (Provider == TestProvider.Postgres) PostgresServer.Require();
            return _app ?? throw new InvalidOperationException("The host did not start; see the fixture's error.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (Provider == TestProvider.Postgres && !PostgresServer.Available) return;
        _app = await InterlockFactory.StartAsync(Provider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

public sealed class SqliteFixture : DatabaseFixture
{
    public override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PostgresFixture : DatabaseFixture
{
    public override TestProvider Provider => TestProvider.Postgres;
}

/// <summary>
/// Base of every provider-parameterized test class: a class derives from this, and two nested sealed classes
/// (<c>OnSqlite</c>, <c>OnPostgres</c>) bind it to a fixture, so each test runs once per provider.
/// The clock is reset before each test so that a test that moves "today" cannot affect the next one.
/// </summary>
public abstract class IntegrationTest(DatabaseFixture fixture) : IAsyncLifetime
{
    protected DatabaseFixture Fixture { get; } = fixture;
    protected InterlockFactory App => Fixture.App;
    protected TestProvider Provider => Fixture.Provider;

    public virtual ValueTask InitializeAsync()
    {
        App.Clock.Reset();
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
