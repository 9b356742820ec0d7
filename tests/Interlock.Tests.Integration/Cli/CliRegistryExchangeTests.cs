using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Interlock.Tests.Integration.Cli;

/// <summary><c>interlock export registry</c> and <c>interlock import registry</c> against real databases.</summary>
public sealed class CliRegistryExchangeTests(CliDatabases databases) : IClassFixture<CliDatabases>
{
    public static TheoryData<string> Providers => new("sqlite", "postgres");

    [Theory, MemberData(nameof(Providers))]
    public async Task An_exported_file_imports_back_unchanged_and_a_bad_file_lists_its_rejected_lines(string provider)
    {
        await using var database = await databases.SeededAsync(provider);
        var add = await database.RunAsync("user", "add", "ada", "--org", "UN", "--role", "Administrator");
        Assert.True(add.ExitCode == 0, add.ToString());
        var file = Path.Combine(Path.GetTempPath(), $"organizations-{Guid.NewGuid():N}.csv");
        try
        {
            var export = await database.RunAsync("export", "registry", "organizations", "--out", file);
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.StartsWith("Code,", (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).TrimStart('\uFEFF'));

            var again = await database.RunAsync("import", "registry", "organizations", file, "--as", "ada");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Matches(@"created 0, updated 0, unchanged \d+", again.Out);

            await File.WriteAllTextAsync(file, "Code,Kind\n#org+code,#org+type\nNEWORG,regionalArrangement\nBAD ORG,regionalArrangement\n",
                TestContext.Current.CancellationToken);
            var bad = await database.RunAsync("import", "registry", "organizations", file, "--as", "ada");
            Assert.True(bad.ExitCode == 2, bad.ToString());
            Assert.Contains("line 3, Name (English)", bad.Err);
            Assert.Contains("line 4, Code", bad.Err);
            await using (var db = database.Open())
                Assert.False(await db.Organizations.AnyAsync(o => o.Code == "NEWORG", TestContext.Current.CancellationToken));

            var contacts = await database.RunAsync("export", "registry", "contacts");
            Assert.True(contacts.ExitCode == 2, contacts.ToString());
            Assert.Contains("--as", contacts.Err);
            var nobody = await database.RunAsync("import", "registry", "organizations", file, "--as", "nobody");
            Assert.True(nobody.ExitCode == 2, nobody.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
