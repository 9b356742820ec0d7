using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Exchange;
using Interlock.Registry.Exchange;
using Interlock.Shared;
using static Interlock.Tests.Unit.DivisionOfLabour.DivisionBuilder;

namespace Interlock.Tests.Unit.DivisionOfLabour;

/// <summary>Written with the export's rows and read back with the import's reader, every field comes back the same.</summary>
public sealed class ExchangeRoundTripTests
{
    private static (ExchangeRow Row, List<ExchangeRejection> Rejections) ReadBack(IReadOnlyList<HxlColumn> columns, IReadOnlyList<string?> written)
    {
        var csv = HxlWriter.Write(columns, [written]);
        var table = HxlTable.Parse(csv);
        var rejections = new List<ExchangeRejection>();
        var binding = table.Bind(columns, rejections);
        Assert.Empty(rejections);
        Assert.Equal(3, Assert.Single(table.Rows).Line);
        return (new ExchangeRow(table.Rows[0], binding, rejections), rejections);
    }

    [Fact]
    public void An_engagement_survives_the_3W_file()
    {
        var situation = Guid.CreateVersion7();
        var e = Eng("ECOWAS", "peacekeeping", "1990-08-24", "1999-10-31", status: EngagementStatus.Completed, admin1: "Montserrado",
            mandate: MandateKind.OrganizationDecision, reference: "ECOWAS Standing Mediation Committee, 7 August 1990");
        e.Activity = "Ceasefire monitoring, \"ECOMOG\"; Monrovia";
        e.SituationId = situation;
        e.Classification = Classification.Confidential;
        e.OwnerOrganizationId = OrgId("UN");

        var (row, rejections) = ReadBack(EngagementExchange.Columns,
            EngagementExchange.Row(e, Orgs.Values.ToDictionary(o => o.Id), new Dictionary<Guid, string> { [situation] = "Liberia, 1989–2003" }));

        Assert.Equal(e.Id, row.Id(EngagementExchange.Id));
        Assert.Equal("ECOWAS", row.Text(EngagementExchange.Organization));
        Assert.Equal("peacekeeping", row.Text(EngagementExchange.Area));
        Assert.Equal(e.Activity, row.Text(EngagementExchange.Activity));
        Assert.Equal(CooperationForm.CoDeployment, row.Enum<CooperationForm>(EngagementExchange.Form));
        Assert.Equal(EngagementRole.Lead, row.Enum<EngagementRole>(EngagementExchange.Role));
        Assert.Equal(("LBR", "Montserrado"), (row.Text(EngagementExchange.Country), row.Text(EngagementExchange.Admin1)));
        Assert.Equal((e.StartOn, e.EndOn), (row.Date(EngagementExchange.Start)!.Value, row.Date(EngagementExchange.End)));
        Assert.Equal(EngagementStatus.Completed, row.Enum<EngagementStatus>(EngagementExchange.Status));
        Assert.Equal(MandateKind.OrganizationDecision, row.Enum<MandateKind>(EngagementExchange.MandateKind));
        Assert.Equal(e.MandateReference, row.Text(EngagementExchange.MandateReference));
        Assert.Equal(situation, row.Id(EngagementExchange.SituationId));
        Assert.Equal("Liberia, 1989–2003", row.Text(EngagementExchange.Situation));
        Assert.Equal(Classification.Confidential, row.Enum<Classification>(EngagementExchange.ClassificationColumn));
        Assert.Equal("UN", row.Text(EngagementExchange.ReportedBy));
        Assert.Empty(rejections);
    }

    [Fact]
    public void A_need_survives_the_file()
    {
        var n = Need("ddr", "2003-10-01", "2004-12-31", admin1: "Lofa");
        n.SituationId = Guid.CreateVersion7();
        n.NeededWithinDays = 90;
        n.Notes = "Line one\nline two, with a comma";
        n.Priority = NeedPriority.Critical;
        n.OwnerOrganizationId = OrgId("UN");
        n.AgreedLeadOrganizationId = OrgId("UN");
        var codes = Orgs.Values.ToDictionary(o => o.Id, o => o.Code);

        var (row, rejections) = ReadBack(NeedExchange.Columns, NeedExchange.Row(n, codes, new Dictionary<Guid, string> { [n.SituationId] = "Liberia" }));

        Assert.Equal(n.Id, row.Id(NeedExchange.Id));
        Assert.Equal(n.SituationId, row.Id(NeedExchange.SituationId));
        Assert.Equal("Liberia", row.Text(NeedExchange.Situation));
        Assert.Equal("ddr", row.Text(NeedExchange.Area));
        Assert.Equal(NeedPriority.Critical, row.Enum<NeedPriority>(NeedExchange.Priority));
        Assert.Equal(("LBR", "Lofa"), (row.Text(NeedExchange.Country), row.Text(NeedExchange.Admin1)));
        Assert.Equal((n.StartOn, n.EndOn), (row.Date(NeedExchange.Start)!.Value, row.Date(NeedExchange.End)));
        Assert.Equal(90, row.Int(NeedExchange.NeededWithinDays));
        Assert.Equal(n.Notes, row.Text(NeedExchange.Notes));
        Assert.Equal(Classification.Partners, row.Enum<Classification>(NeedExchange.ClassificationColumn));
        Assert.Equal("UN", row.Text(NeedExchange.ReportedBy));
        Assert.Empty(rejections);
    }

    [Fact]
    public void The_3W_hashtags_are_the_ones_the_issue_names()
    {
        var tags = EngagementExchange.Columns.Select(c => c.Tag).ToList();
        foreach (var tag in new[] { "#org+name", "#org+code", "#sector", "#activity", "#country+code", "#adm1+name", "#date+start", "#date+end", "#status" })
            Assert.Contains(tag, tags);
        Assert.Equal(tags.Count, tags.Select(t => HxlTag.Parse(t)!.ToString()).Distinct().Count());
        var needTags = NeedExchange.Columns.Select(c => HxlTag.Parse(c.Tag)!.ToString()).ToList();
        Assert.Equal(needTags.Count, needTags.Distinct().Count());
    }
}
