namespace Interlock.Tests.Integration.Infrastructure;

/// <summary>The two databases Interlock supports; every integration test class runs against both.</summary>
public enum TestProvider { Sqlite, Postgres }
