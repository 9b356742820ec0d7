using System.Net;
using Interlock.Audit;
using Interlock.Data;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration;

/// <summary>
/// Scale-out on PostgreSQL: two nodes (two hosts in this process, each on its own port) share one database and
/// nothing else, so whatever one node issues the other must accept.
/// </summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task A_cookie_issued_by_one_node_is_accepted_by_the_other()
    {
        PostgresServer.Require();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var node1 = InterlockFactory.StartOn(database);
        await using var node2 = InterlockFactory.StartOn(database);
        Assert.NotEqual(node1.Address, node2.Address);

        var user = await node1.CreateUserAsync("ECOWAS", Role.Contributor);
        var (_, cookie) = await LoginForm.SignInAsync(node1, user.UserName, user.Password);

        // Node 2 never saw this sign-in: it can read the cookie only with the key ring that node 1 stored in the database.
        using var client = node2.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", $"{LoginForm.AuthCookie}={cookie}");
        var me = await (await client.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(user.UserName, me["userName"].Str());
        Assert.True(await node2.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()), "the data protection keys are in the database");

        // A tampered cookie is refused by both.
        var forged = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        forged.Headers.Add("Cookie", $"{LoginForm.AuthCookie}={cookie[..^8]}AAAAAAAA");
        await (await client.SendAsync(forged)).ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_nodes_writing_at_once_keep_one_intact_audit_chain()
    {
        PostgresServer.Require();
        await using var database = await PostgresTestDatabase.CreateAsync();
        // Both nodes start at once on the empty database: migration and seeding must cope with a concurrent first start.
        var starting = new[] { Task.Run(() => InterlockFactory.StartOn(database)), Task.Run(() => InterlockFactory.StartOn(database)) };
        await using var node1 = await starting[0];
        await using var node2 = await starting[1];

        var (_, on1) = await node1.ApiUserAsync("AU", Role.Contributor);
        var (_, on2) = await node2.ApiUserAsync("EU", Role.Contributor);
        var writes = Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? on1 : on2).CreateDocumentAsync("partners", $"From both nodes {i}"));
        Assert.Equal(16, (await Task.WhenAll(writes)).Distinct().Count());

        var result = await node1.WithDbAsync(db => AuditVerifier.VerifyAsync(db));
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(197, await node2.WithDbAsync(db => db.Countries.CountAsync()));
    }
}
