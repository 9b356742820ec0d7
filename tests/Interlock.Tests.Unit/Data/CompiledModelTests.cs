using Interlock.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Interlock.Tests.Unit.Data;

/// <summary>
/// The app runs on compiled models (Data/CompiledModels), which EF uses instead of running OnModelCreating. A model
/// change without regenerating them (scripts/compile-models.sh) fails here, naming what differs, rather than at run time.
/// </summary>
public class CompiledModelTests
{
    public static TheoryData<string> Providers => new("sqlite", "postgres");

    private static DbContextOptions<InterlockDbContext> Options(string provider, IModel? model)
    {
        var b = new DbContextOptionsBuilder<InterlockDbContext>();
        // No database is opened: building the model needs only the provider.
        if (provider == "sqlite") b.UseSqlite("Data Source=:memory:");
        else b.UseNpgsql("Host=127.0.0.1;Database=model-only");
        if (model is not null) b.UseModel(model);
        return b.Options;
    }

    private static IModel Compiled(string provider) => provider == "sqlite"
        ? Interlock.Data.CompiledModels.Sqlite.InterlockDbContextModel.Instance
        : Interlock.Data.CompiledModels.Postgres.InterlockDbContextModel.Instance;

    private static List<string> Describe(IRelationalModel model) =>
        model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t => new[]
            {
                $"table {t.Name}",
                $"  key {t.PrimaryKey?.Name}({string.Join(",", t.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})",
            }
            .Concat(t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => $"  column {c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"))
            .Concat(t.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => $"  index {i.Name}({string.Join(",", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")} {i.Filter}"))
            .Concat(t.UniqueConstraints.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => $"  unique {u.Name}({string.Join(",", u.Columns.Select(c => c.Name))})"))
            .Concat(t.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"  fk {f.Name}({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}")))
        .ToList();

    [Theory, MemberData(nameof(Providers))]
    public void The_compiled_model_is_the_model_OnModelCreating_builds(string provider)
    {
        using var built = new InterlockDbContext(Options(provider, null));
        using var compiled = new InterlockDbContext(Options(provider, Compiled(provider)));
        var designed = built.GetService<IDesignTimeModel>().Model;

        // Tables, columns, store types, keys, indexes and foreign keys, as the database sees them.
        Assert.Equal(Describe(designed.GetRelationalModel()), Describe(compiled.Model.GetRelationalModel()));

        // Entity types, properties, keys and navigations as EF describes them.
        Assert.Equal(designed.ToDebugString(MetadataDebugStringOptions.ShortDefault), compiled.Model.ToDebugString(MetadataDebugStringOptions.ShortDefault));
    }
}
