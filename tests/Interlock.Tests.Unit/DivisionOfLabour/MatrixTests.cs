using Interlock.DivisionOfLabour;
using Interlock.DivisionOfLabour.Rules;
using static Interlock.Tests.Unit.DivisionOfLabour.DivisionBuilder;

namespace Interlock.Tests.Unit.DivisionOfLabour;

public sealed class MatrixTests
{
    [Fact]
    public void Rows_are_organizations_columns_areas_and_each_cell_lists_form_role_and_status()
    {
        var ecomog = Eng("ECOWAS", "peacekeeping", "1990-08-24", "1999-10-31", status: EngagementStatus.Completed);
        var unomil = Eng("UN", "peacekeeping", "1993-09-22", "1997-09-30", role: EngagementRole.Support);
        var ddr = Eng("UN", "ddr", "2003-10-01", form: CooperationForm.OperationalSupport, status: EngagementStatus.Planned);
        var au = Eng("AU", "mediation", "2004-01-01", form: CooperationForm.DiplomaticSupport, country: "SDN");

        var matrix = WhoDoesWhatWhere.Of(Picture([], [ecomog, unomil, ddr, au]));

        Assert.Equal(["ddr", "mediation", "peacekeeping"], matrix.Areas);
        Assert.Equal(["AU", "ECOWAS", "UN"], matrix.Rows.Select(r => r.Code));
        var un = matrix.Row("UN")!;
        Assert.Equal("United Nations", un.Name);
        var cell = Assert.Single(un["peacekeeping"]);
        Assert.Equal((CooperationForm.CoDeployment, EngagementRole.Support, EngagementStatus.Active), (cell.Form, cell.Role, cell.Status));
        Assert.Equal(unomil.Id, cell.EngagementId);
        Assert.Equal("co-deployment, support, active, in LBR (1993-09-22 – 1997-09-30)", cell.Sentence);
        Assert.Empty(matrix.Row("ECOWAS")!["ddr"]);
        // A completed engagement stays: the matrix is also the record of who did what.
        Assert.Equal(EngagementStatus.Completed, matrix.Row("ECOWAS")!["peacekeeping"].Single().Status);
    }

    [Fact]
    public void Several_engagements_of_one_organization_in_an_area_share_a_cell_in_date_order()
    {
        var ecomil = Eng("ECOWAS", "peacekeeping", "2003-08-04", "2003-09-30", mandate: MandateKind.SecurityCouncil, reference: "S/RES/1497 (2003)");
        var ecomog = Eng("ECOWAS", "peacekeeping", "1990-08-24", "1999-10-31", status: EngagementStatus.Completed);
        var matrix = WhoDoesWhatWhere.Of(Picture([], [ecomil, ecomog]));
        Assert.Equal([ecomog.Id, ecomil.Id], matrix.Row("ECOWAS")!["peacekeeping"].Select(e => e.EngagementId));
    }
}
