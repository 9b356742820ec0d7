using Interlock.DivisionOfLabour;
using Interlock.EarlyWarning.Situations;
using Interlock.Registry;

namespace Interlock.Tests.Unit.DivisionOfLabour;

/// <summary>Transition plans: the pair of engagements, the place and date, the standard checklist and item changes.</summary>
public sealed class TransitionWritesTests
{
    private static readonly Organization Ecowas = new() { Code = "ECOWAS", NameEn = "ECOWAS", NameFr = "CEDEAO", Kind = OrganizationKind.SubregionalOrganization, ChapterViii = true };
    private static readonly Organization Au = new() { Code = "AU", NameEn = "African Union", NameFr = "Union africaine", Kind = OrganizationKind.RegionalArrangement, ChapterViii = true };
    private static readonly Organization Un = new() { Code = "UN", NameEn = "United Nations", NameFr = "Nations Unies", Kind = OrganizationKind.UnitedNations };
    private static readonly Organization Dpko = new() { Code = "DPKO", NameEn = "DPKO", NameFr = "DOMP", Kind = OrganizationKind.SecretariatDepartment };
    private static readonly Situation Liberia = new() { Title = "Liberia", CountryIso3 = "LBR" };

    private static TransitionSide Side(Organization o, string country = "LBR", DateOnly? start = null) =>
        new(new Engagement { OrganizationId = o.Id, AreaCode = "peacekeeping", CountryIso3 = country, StartOn = start ?? new DateOnly(1990, 8, 24) }, o);

    private static TransitionFields Body(DateOnly? target = null) =>
        new(Liberia.Id, "ECOMOG to UNMIL", Guid.NewGuid(), Guid.NewGuid(), target ?? new DateOnly(2003, 10, 1));

    [Fact]
    public void A_regional_mission_handing_over_to_a_UN_operation_in_the_situations_country_is_valid()
    {
        Assert.True(TransitionWrites.Check(Body(), Liberia, Side(Ecowas), Side(Un)).IsEmpty);
        // And back, and with a UN body rather than the UN itself.
        Assert.True(TransitionWrites.Check(Body(), Liberia, Side(Dpko), Side(Au)).IsEmpty);
    }

    [Fact]
    public void Both_sides_regional_or_both_UN_is_refused()
    {
        Assert.Contains("toEngagementId", TransitionWrites.Check(Body(), Liberia, Side(Ecowas), Side(Au)).ToDictionary().Keys);
        Assert.Contains("toEngagementId", TransitionWrites.Check(Body(), Liberia, Side(Un), Side(Dpko)).ToDictionary().Keys);
    }

    [Fact]
    public void Missing_or_unreadable_parts_and_engagements_elsewhere_are_named()
    {
        var missing = TransitionWrites.Check(Body(), null, null, Side(Un)).ToDictionary();
        Assert.Contains("situationId", missing.Keys);
        Assert.Contains("fromEngagementId", missing.Keys);
        var elsewhere = TransitionWrites.Check(Body(), Liberia, Side(Ecowas, "SLE"), Side(Un)).ToDictionary();
        Assert.Equal(["fromEngagementId"], elsewhere.Keys);
    }

    [Fact]
    public void The_target_date_must_fall_after_the_handing_over_engagement_starts()
    {
        var from = Side(Ecowas, start: new DateOnly(1990, 8, 24));
        Assert.Contains("targetDate", TransitionWrites.Check(Body(new DateOnly(1990, 8, 24)), Liberia, from, Side(Un)).ToDictionary().Keys);
        Assert.True(TransitionWrites.Check(Body(new DateOnly(1990, 8, 25)), Liberia, from, Side(Un)).IsEmpty);
    }

    [Fact]
    public void A_new_plan_gets_the_seven_topics_each_with_a_responsible_organization_and_a_due_date()
    {
        var from = Side(Ecowas);
        var to = Side(Un);
        var target = new DateOnly(2003, 10, 1);
        var items = TransitionWrites.StandardChecklist(Guid.NewGuid(), from, to, target);
        Assert.Equal(Enum.GetValues<TransitionTopic>(), items.Select(i => i.Topic));
        Assert.All(items, i => Assert.Equal(ChecklistStatus.Open, i.Status));
        Assert.Equal(Un.Id, items.Single(i => i.Topic == TransitionTopic.MandateAlignment).OwnerOrganizationId);
        Assert.Equal(Un.Id, items.Single(i => i.Topic == TransitionTopic.RehattingOfContingents).OwnerOrganizationId);
        Assert.Equal(Ecowas.Id, items.Single(i => i.Topic == TransitionTopic.TransferOfAssets).OwnerOrganizationId);
        Assert.Equal(Ecowas.Id, items.Single(i => i.Topic == TransitionTopic.RegionalOwnership).OwnerOrganizationId);
        Assert.Equal(target, items.Single(i => i.Topic == TransitionTopic.RehattingOfContingents).DueOn);
        Assert.Equal(target.AddDays(-60), items.Single(i => i.Topic == TransitionTopic.Financing).DueOn);
        Assert.True(items.Single(i => i.Topic == TransitionTopic.RegionalOwnership).DueOn > target);
    }

    [Fact]
    public void Checklist_items_are_never_due_before_the_handing_over_engagement_began()
    {
        var from = Side(Ecowas, start: new DateOnly(2003, 9, 15));
        var items = TransitionWrites.StandardChecklist(Guid.NewGuid(), from, Side(Un), new DateOnly(2003, 10, 1));
        Assert.All(items, i => Assert.True(i.DueOn >= new DateOnly(2003, 9, 15)));
    }

    [Fact]
    public void Done_records_the_day_it_was_completed_and_reopening_clears_it()
    {
        var item = new TransitionChecklistItem { Topic = TransitionTopic.Financing, DueOn = new DateOnly(2003, 8, 1) };
        var today = new DateOnly(2003, 8, 10);
        Assert.True(item.IsOverdue(today));
        Assert.True(TransitionWrites.ApplyItem(item, new ChecklistItemFields(ChecklistStatus.Done, Un.Id, item.DueOn), true, today).IsEmpty);
        Assert.Equal(today, item.CompletedOn);
        Assert.False(item.IsOverdue(today));
        // Saying done again keeps the first day.
        TransitionWrites.ApplyItem(item, new ChecklistItemFields(ChecklistStatus.Done, Un.Id, item.DueOn), true, today.AddDays(3));
        Assert.Equal(today, item.CompletedOn);
        TransitionWrites.ApplyItem(item, new ChecklistItemFields(ChecklistStatus.InProgress, Un.Id, item.DueOn), true, today);
        Assert.Null(item.CompletedOn);
    }

    [Fact]
    public void An_item_change_with_an_unknown_owner_or_no_due_date_changes_nothing()
    {
        var item = new TransitionChecklistItem { Topic = TransitionTopic.Financing, DueOn = new DateOnly(2003, 8, 1), OwnerOrganizationId = Un.Id };
        var errors = TransitionWrites.ApplyItem(item, new ChecklistItemFields(ChecklistStatus.Done, Guid.NewGuid(), null), false, new DateOnly(2003, 8, 2));
        Assert.Equal(["owner", "dueOn"], errors.ToDictionary().Keys.Order().Reverse());
        Assert.Equal(ChecklistStatus.Open, item.Status);
        Assert.Null(item.CompletedOn);
    }
}
