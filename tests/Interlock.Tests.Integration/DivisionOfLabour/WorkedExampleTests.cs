using System.Text.RegularExpressions;
using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Exchange;
using Interlock.DivisionOfLabour.Reports;
using Interlock.DivisionOfLabour.Rules;
using Interlock.Registry.Exchange;
using Interlock.Security;
using Interlock.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Tests.Integration.DivisionOfLabour;

/// <summary>
/// The worked example of docs/division-of-labour.md (Liberia: ECOMOG and UNOMIL co-deployed from 1993; the 2003 hand-over
/// from ECOMIL to UNMIL), loaded from the document itself: its CSV blocks are imported through the Core import, and every
/// result the document states in an <c>expect=</c> block is what the rules find. Change one and the other must follow.
/// </summary>
public abstract partial class WorkedExampleTests(DatabaseFixture fixture) : IntegrationTest(fixture)
{
    public sealed class OnSqlite(SqliteFixture f) : WorkedExampleTests(f), IClassFixture<SqliteFixture>;
    public sealed class OnPostgres(PostgresFixture f) : WorkedExampleTests(f), IClassFixture<PostgresFixture>;

    private static readonly DateOnly Recorded1993 = new(1993, 10, 1);
    private static readonly DateOnly Recorded2003 = new(2003, 9, 20);

    [GeneratedRegex(@"^```\w+ (file|expect)=(\S+)\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();

    private static readonly Lazy<Dictionary<string, string>> Blocks = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Interlock.slnx"))) dir = dir.Parent;
        var text = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "division-of-labour.md")).ReplaceLineEndings("\n");
        return Block().Matches(text).ToDictionary(m => m.Groups[2].Value, m => m.Groups[3].Value);
    });

    private static string File_(string name) => Blocks.Value.TryGetValue(name, out var b) ? b : throw new InvalidOperationException($"The document has no block file={name}.");

    /// <summary>The lines of an expect block; "(none)" stands for no finding.</summary>
    private static void Expect(string name, IEnumerable<string> actual)
    {
        Assert.True(Blocks.Value.TryGetValue(name, out var block), $"The document has no block expect={name}.");
        var expected = block!.TrimEnd('\n').Split('\n').Where(l => l != "(none)").ToList();
        Assert.Equal(expected, actual.ToList());
    }

    private static IEnumerable<string> MatrixLines(DivisionPicture picture)
    {
        var matrix = WhoDoesWhatWhere.Of(picture);
        return from row in matrix.Rows from area in matrix.Areas from entry in row[area] select $"{row.Code} × {area}: {entry.Sentence}";
    }

    [Fact]
    public async Task The_documented_matrix_overlaps_gaps_primacy_flags_and_Article_54_entries_are_what_the_rules_find()
    {
        var situation = await App.CreateSituationAsync("Liberia", "LBR");
        var actor = await App.ActorAsync(await App.CreateUserAsync("UN", Role.Contributor, name: "desk"));
        var coverage = await App.WithDbAsync(db => DivisionOfLabourQuery.CoverageAsync(db, default));
        async Task<DivisionPicture> Picture() =>
            (await App.WithDbAsync(db => DivisionOfLabourQuery.ForSituationAsync(db, situation.Id, actor.Subject, actor.Grants, default)))!;
        async Task<string> Import(DivisionExchangeKind kind, string file)
        {
            var result = await App.WithDbAsync(db => DivisionExchange.ImportAsync(db, actor, kind, File_(file), default));
            Assert.True(result.Succeeded, string.Join("; ", result.Rejections));
            return $"{DivisionExchange.Name(kind)}: created {result.Created}, updated {result.Updated}, unchanged {result.Unchanged}";
        }

        // 1. As recorded on 1 October 1993.
        Expect("import-1993", [await Import(DivisionExchangeKind.Needs, "needs-1993.csv"), await Import(DivisionExchangeKind.Engagements, "engagements-1993.csv")]);
        var picture = await Picture();
        Expect("matrix-1993", MatrixLines(picture));
        Expect("overlaps-1993", OverlapRule.Find(picture, coverage).Select(o => o.Sentence));
        Expect("gaps-1993", GapRule.Find(picture, coverage, Recorded1993).Select(g => g.Sentence));
        Expect("primacy-1993", PrimacyRule.Find(picture).Select(p => p.Sentence));
        Expect("article54-1993", Article54Markdown.Render(Article54Report.Build(picture, new Period(new(1993, 1, 1), new(1993, 12, 31)))).TrimEnd('\n').Split('\n'));

        // The agreed division of labour, recorded on the need, clears the overlap.
        var ecowas = await App.OrganizationIdAsync("ECOWAS");
        await App.WithDbAsync(async db =>
        {
            var need = await db.Needs.SingleAsync(n => n.SituationId == situation.Id && n.AreaCode == "peacekeeping");
            (need.AgreedLeadOrganizationId, need.AgreedLeadOn) = (ecowas, new DateOnly(1993, 9, 22));
            need.AgreedLeadNote = "ECOMOG has primary responsibility for the military provisions of the Cotonou Agreement; UNOMIL monitors and verifies.";
            return await db.SaveChangesAsync();
        });
        Expect("overlaps-1993-agreed", OverlapRule.Find(await Picture(), coverage).Select(o => o.Sentence));

        // 2. As recorded on 20 September 2003: the same rows with their ends, and the hand-over.
        Expect("import-2003", [await Import(DivisionExchangeKind.Needs, "needs-2003.csv"), await Import(DivisionExchangeKind.Engagements, "engagements-2003.csv")]);
        picture = await Picture();
        Expect("matrix-2003", MatrixLines(picture));
        Expect("overlaps-2003", OverlapRule.Find(picture, coverage).Select(o => o.Sentence));
        Expect("gaps-2003", GapRule.Find(picture, coverage, Recorded2003).Select(g => g.Sentence));
        var withoutUnmil = picture with { Engagements = picture.Engagements.Where(e => e.Activity?.Contains("UNMIL") != true).ToList() };
        Expect("gaps-2003-without-unmil", GapRule.Find(withoutUnmil, coverage, Recorded2003).Select(g => g.Sentence));
        Expect("primacy-2003", PrimacyRule.Find(picture).Select(p => p.Sentence));
        Expect("article54-2003", Article54Markdown.Render(Article54Report.Build(picture, new Period(new(2003, 1, 1), new(2003, 12, 31)))).TrimEnd('\n').Split('\n'));

        // The transition plan of the hand-over, as the document lists it.
        var un = await App.OrganizationIdAsync("UN");
        var ecomil = picture.Engagements.Single(e => e.Activity!.Contains("ECOMIL"));
        var unmil = picture.Engagements.Single(e => e.Activity!.Contains("UNMIL"));
        await App.AddAsync(new TransitionPlan
        {
            SituationId = situation.Id, OwnerOrganizationId = un, Title = "ECOMIL to UNMIL", FromEngagementId = ecomil.Id, ToEngagementId = unmil.Id,
            TargetDate = new DateOnly(2003, 10, 1),
            Items =
            [
                new() { Topic = TransitionTopic.MandateAlignment, Description = "S/RES/1509 (2003)", OwnerOrganizationId = un, DueOn = new(2003, 9, 19), Status = ChecklistStatus.Done, CompletedOn = new(2003, 9, 19) },
                new() { Topic = TransitionTopic.RehattingOfContingents, Description = "ECOMIL contingents become UNMIL contingents", OwnerOrganizationId = un, DueOn = new(2003, 10, 1), Status = ChecklistStatus.Done, CompletedOn = new(2003, 10, 1) },
                new() { Topic = TransitionTopic.RegionalOwnership, Description = "ECOWAS's role after the hand-over", OwnerOrganizationId = ecowas, DueOn = new(2003, 12, 31), Status = ChecklistStatus.InProgress },
            ],
        });
        picture = await Picture();
        Expect("transition-2003-09-20", TransitionRule.Review(picture, Recorded2003).SelectMany(t => t.Overdue).Select(o => o.Sentence));
        Expect("transition-2004-01-05", TransitionRule.Review(picture, new DateOnly(2004, 1, 5)).SelectMany(t => t.Overdue).Select(o => o.Sentence));

        // Importing the same files again changes nothing.
        Expect("import-again", [await Import(DivisionExchangeKind.Needs, "needs-2003.csv"), await Import(DivisionExchangeKind.Engagements, "engagements-2003.csv")]);
    }
}
