using Interlock.Audit;

namespace Interlock.Tests.Unit.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int n)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var e = new AuditEntry
            {
                Id = i, At = new DateTimeOffset(2026, 11, 26, 10, 0, i, TimeSpan.Zero), Action = AuditActions.Update,
                EntityType = "Document", EntityId = $"doc-{i}", UserId = "u1", UserName = "amina", OrganizationId = Guid.Empty,
                RemoteAddress = "127.0.0.1", Details = $"{{\"title\":\"v{i}\"}}", PreviousHash = previous,
            };
            e.Hash = AuditChain.ComputeHash(e);
            previous = e.Hash;
            entries.Add(e);
        }
        return entries;
    }

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        var result = AuditChain.Verify(Chain(5));
        Assert.True(result.Intact);
        Assert.Equal(5, result.Checked);
        Assert.True(AuditChain.Verify([]).Intact);
    }

    [Fact]
    public void An_edited_entry_is_caught_at_that_entry()
    {
        var chain = Chain(5);
        chain[2].Details = "{\"title\":\"forged\"}";
        var result = AuditChain.Verify(chain);
        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAtId);
        Assert.Contains("changed", result.Problem);
    }

    [Fact]
    public void An_edit_with_a_recomputed_hash_is_caught_at_the_next_entry()
    {
        var chain = Chain(5);
        chain[2].UserName = "someone else";
        chain[2].Hash = AuditChain.ComputeHash(chain[2]);
        var result = AuditChain.Verify(chain);
        Assert.Equal(4, result.BrokenAtId);
    }

    [Fact]
    public void A_deleted_entry_is_caught_at_the_entry_after_the_gap()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);
        var result = AuditChain.Verify(chain);
        Assert.False(result.Intact);
        Assert.Equal(4, result.BrokenAtId);
        Assert.Contains("deleted", result.Problem);
    }

    [Fact]
    public void Deleting_the_first_entry_is_caught()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);
        Assert.Equal(2, AuditChain.Verify(chain).BrokenAtId);
    }

    [Fact]
    public void Fields_cannot_be_shifted_into_one_another()
    {
        var a = Chain(1)[0];
        var b = Chain(1)[0];
        (a.EntityType, a.EntityId) = ("Doc", "ument1");
        (b.EntityType, b.EntityId) = ("Docu", "ment1");
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }

    [Fact]
    public void Times_are_hashed_to_the_millisecond_so_every_database_round_trips_them()
    {
        var e = Chain(1)[0];
        e.At = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        var h1 = AuditChain.ComputeHash(e);
        e.At = AuditChain.Normalize(e.At);
        Assert.Equal(h1, AuditChain.ComputeHash(e));
        Assert.Equal(0, e.At.Ticks % TimeSpan.TicksPerMillisecond);
    }
}
