using Interlock.Data;
using Interlock.Security;
using Interlock.Shared;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Registry.Exchange;

/// <summary>
/// People and their roles as an HXL CSV file: one row per role (a person without a role has one row with the role
/// columns empty). Contact details are personal data: only FocalPoint or higher export them, and only the people the
/// access policy lets them read. An import keys people by id, else by e-mail within the row's organization (the importer's
/// own when the column is empty); the write rule lets only that organization's writers create or change them, so another
/// organization's rows pass only when they change nothing. A role is keyed by its kind, purpose, scope and start, and
/// naming a liaison official ends the previous term.
/// </summary>
public static class ContactExchange
{
    public static readonly HxlColumn Id = new("Id", "#contact+id", "id");
    public static readonly HxlColumn Organization = new("Organization", "#org+code", "organization");
    public static readonly HxlColumn Name = new("Name", "#contact+name", "fullName", Required: true);
    public static readonly HxlColumn JobTitle = new("Job title", "#contact+job_title", "jobTitle");
    public static readonly HxlColumn Email = new("Email", "#contact+email", "email");
    public static readonly HxlColumn Phone = new("Phone", "#contact+phone", "phone");
    public static readonly HxlColumn Address = new("Address", "#contact+address", "address");
    public static readonly HxlColumn Languages = new("Languages", "#contact+languages", "languages");
    public static readonly HxlColumn Classification = new("Classification", "#meta+classification", "classification");
    public static readonly HxlColumn Role = new("Role", "#contact+role", "kind");
    public static readonly HxlColumn Purpose = new("Purpose", "#contact+purpose", "purpose");
    public static readonly HxlColumn Country = new("Country covered", "#country+code", "countryIso3");
    public static readonly HxlColumn Region = new("M49 region covered", "#region+code", "regionCode");
    public static readonly HxlColumn Area = new("Functional area", "#sector+code", "areaCode");
    public static readonly HxlColumn Start = new("Start", "#date+start", "start");
    public static readonly HxlColumn End = new("End", "#date+end", "end");

    public static readonly IReadOnlyList<HxlColumn> Columns =
        [Id, Organization, Name, JobTitle, Email, Phone, Address, Languages, Classification, Role, Purpose, Country, Region, Area, Start, End];

    public static async Task<string> ExportAsync(InterlockDbContext db, ExchangeActor actor, CancellationToken ct)
    {
        if (!ContactExport.MayExport(actor.Subject))
            throw new ExchangeDeniedException("Contact details are personal data: only a FocalPoint, Analyst, OrgAdmin or Administrator exports them.");
        var people = await db.People.AsNoTracking().Include(p => p.Roles)
            .Where(AccessPolicy.ReadFilter<Person>(actor.Subject, actor.Grants)).ToListAsync(ct);
        await ExchangeAudit.RecordReadsAsync(db, people, ct);
        var codes = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var p in people.OrderBy(p => codes.GetValueOrDefault(p.OwnerOrganizationId), StringComparer.Ordinal).ThenBy(p => p.FullName).ThenBy(p => p.Id))
        {
            string?[] person = [p.Id.ToString(), codes.GetValueOrDefault(p.OwnerOrganizationId), p.FullName, p.JobTitle, p.Email, p.Phone, p.Address,
                ExchangeFormat.List(p.Languages), ExchangeFormat.Enum(p.Classification)];
            if (p.Roles.Count == 0) rows.Add([.. person, null, null, null, null, null, null, null]);
            foreach (var r in p.Roles.OrderBy(r => r.Start).ThenBy(r => r.Kind))
                rows.Add([.. person, ExchangeFormat.Enum(r.Kind), ExchangeFormat.Enum(r.Purpose), r.CountryIso3, r.RegionCode, r.AreaCode,
                    ExchangeFormat.Date(r.Start), ExchangeFormat.Date(r.End)]);
        }
        return HxlWriter.Write(Columns, rows);
    }

    /// <summary>
    /// People and their other roles first, in file order; then liaison terms by start date, so that each new term ends the
    /// one before it whatever order the rows are in.
    /// </summary>
    internal static async Task ImportAsync(ImportRun run, HxlTable table, CancellationToken ct)
    {
        var subject = run.Actor.Subject;
        if (!subject.IsAuthenticated) throw new ExchangeDeniedException("Sign in to import contacts.");
        var codes = await run.Db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Id, ct);
        var ownCode = codes.First(c => c.Value == subject.OrganizationId).Key;
        var people = new Dictionary<int, Guid>();
        var liaisons = new List<(HxlRow Row, DateOnly Start)>();
        foreach (var row in table.Rows)
            await run.RunAsync(row, async r =>
            {
                var (person, outcome) = await PersonAsync(r, run, codes, ownCode, ct);
                if (person is null) return RowOutcome.Rejected;
                people[r.Line] = person.Id;
                var role = r.Enum<PersonRoleKind>(Role);
                if (role == PersonRoleKind.LiaisonOfficial && r.Date(Start) is { } start) { liaisons.Add((row, start)); return outcome; }
                if (role is null && HasRoleColumns(r)) r.Reject(Role, "Name the role (liaisonOfficial, focalPoint or staffOfficer) or leave the role columns empty.");
                if (role is null || r.IsRejected) return outcome;
                return Max(outcome, await RoleAsync(r, run, person, role.Value, ct));
            }, ct);
        foreach (var (row, _) in liaisons.OrderBy(l => l.Start))
        {
            if (run.WasRejected(row.Line)) continue;
            await run.RunAsync(row, async r =>
            {
                var person = await run.Db.People.Include(p => p.Roles).FirstAsync(p => p.Id == people[r.Line], ct);
                return await RoleAsync(r, run, person, PersonRoleKind.LiaisonOfficial, ct);
            }, ct);
        }
    }

    private static bool HasRoleColumns(ExchangeRow r) =>
        new[] { Purpose, Country, Region, Area, Start, End }.Any(c => r.Has(c) && r.Raw(c) is { Length: > 0 });

    private static RowOutcome Max(RowOutcome a, RowOutcome b) => a > b ? a : b;

    /// <summary>
    /// Finds the person (by id, else by e-mail within the row's organization, among the people the importer may read) or
    /// makes a new one of the row's organization (the importer's own when the column is empty), and applies the row's fields.
    /// </summary>
    private static async Task<(Person?, RowOutcome)> PersonAsync(ExchangeRow row, ImportRun run, IReadOnlyDictionary<string, Guid> codes,
        string ownCode, CancellationToken ct)
    {
        var db = run.Db;
        var code = row.Text(Organization)?.ToUpperInvariant() ?? ownCode;
        if (!codes.TryGetValue(code, out var owner)) row.Reject(Organization, $"No organization has code '{code}'.");
        var id = row.Id(Id);
        var email = row.Text(Email);
        var classification = row.Enum<Classification>(Classification);
        if (id is null && email is null && !row.IsRejected)
            row.Reject(Id, "Give the person's id or e-mail address, so that importing the file again finds the same person.");
        if (row.IsRejected) return (null, RowOutcome.Rejected);

        Person? person = null;
        if (id is { } given)
        {
            person = await db.People.Include(p => p.Roles).FirstOrDefaultAsync(p => p.Id == given, ct);
            // Not readable looks the same as another organization's: the id reveals nothing of a person the importer may not see.
            if (person is not null && (!run.Actor.CanRead(RecordLabel.Of(person)) || person.OwnerOrganizationId != owner))
            {
                row.Reject(Id, $"This id belongs to a person who is not one of {code}'s; leave the id empty to record a new person.");
                return (null, RowOutcome.Rejected);
            }
        }
        else
        {
            var lower = email!.ToLowerInvariant();
            var matches = (await db.People.Include(p => p.Roles)
                    .Where(p => p.OwnerOrganizationId == owner && p.Email != null && p.Email.ToLower() == lower).ToListAsync(ct))
                .Where(p => run.Actor.CanRead(RecordLabel.Of(p))).ToList();
            if (matches.Count > 1) { row.Reject(Email, $"{matches.Count} people of {code} have this e-mail address: give the id."); return (null, RowOutcome.Rejected); }
            person = matches.SingleOrDefault();
        }

        var isNew = person is null;
        person ??= new Person { Id = id ?? Guid.CreateVersion7(), OwnerOrganizationId = owner, FullName = "" };
        var level = classification ?? (isNew ? Interlock.Shared.Classification.Partners : person.Classification);
        var before = isNew ? new RecordLabel(owner, level, Person.Category) : RecordLabel.Of(person);
        var fields = new PersonFields(row.Text(Name),
            row.Has(JobTitle) ? row.Text(JobTitle) : person.JobTitle,
            row.Has(Languages) ? row.List(Languages).Select(l => l.ToLowerInvariant()).ToList() : person.Languages,
            row.Has(Email) ? email : person.Email,
            row.Has(Phone) ? row.Text(Phone) : person.Phone,
            row.Has(Address) ? row.Text(Address) : person.Address);
        var errors = PersonWrites.Validate(fields, level);
        if (!errors.IsEmpty) { row.Reject(errors); return (null, RowOutcome.Rejected); }
        if (row.IsRejected) return (null, RowOutcome.Rejected);
        PersonWrites.Apply(person, fields, level);
        var outcome = isNew ? RowOutcome.Created : run.HasChanges() ? RowOutcome.Updated : RowOutcome.Unchanged;
        // New people belong to the row's organization: the write rule lets only that organization's writers record them.
        outcome = run.Permit(row, outcome, before, Name, $"You may not {(isNew ? "record" : "change")} people of {code}");
        if (outcome == RowOutcome.Rejected) return (null, outcome);
        if (isNew) db.People.Add(person);
        return (person, outcome);
    }

    /// <summary>Adds the row's role to the person, or sets the end of the same term already recorded.</summary>
    private static async Task<RowOutcome> RoleAsync(ExchangeRow row, ImportRun run, Person person, PersonRoleKind kind, CancellationToken ct)
    {
        var db = run.Db;
        var purpose = row.Enum<FocalPointPurpose>(Purpose);
        var country = row.Text(Country)?.ToUpperInvariant();
        var region = row.Text(Region);
        var area = row.Text(Area);
        var start = row.Date(Start);
        var end = row.Date(End);
        if (start is null && !row.IsRejected) row.Reject(Start, "The first day of the term is required.");
        if (row.IsRejected) return RowOutcome.Rejected;
        var errors = PersonRoleRules.Validate(kind, purpose, country, region, area, start!.Value, end);
        await PersonWrites.CheckRoleReferencesAsync(errors, country, region, area, db, ct);
        if (!errors.IsEmpty) { row.Reject(errors); return RowOutcome.Rejected; }

        var org = person.OwnerOrganizationId;
        var sameKind = await db.PersonRoles.Where(r => r.OrganizationId == org && r.Kind == kind).ToListAsync(ct);
        var existing = sameKind.FirstOrDefault(r => r.PersonId == person.Id && r.Purpose == purpose && r.CountryIso3 == country
                                                    && r.RegionCode == region && r.AreaCode == area && r.Start == start);
        if (existing is not null)
        {
            if (existing.End == end) return RowOutcome.Unchanged;
            // A liaison term ended by naming its successor stays ended: a file written before then does not reopen it.
            if (end is null && kind == PersonRoleKind.LiaisonOfficial && sameKind.Any(r => r.Id != existing.Id && r.Start == existing.End))
                return RowOutcome.Unchanged;
            var endErrors = PersonRoleRules.ValidateEnd(existing, end, sameKind);
            if (!endErrors.IsEmpty) { row.Reject(endErrors); return RowOutcome.Rejected; }
            if (Permit(row, run, person) is { } refused) return refused;
            existing.End = end;
            Touch(db, person);
            return RowOutcome.Updated;
        }

        if (Permit(row, run, person) is { } denied) return denied;
        PersonRole role;
        if (kind == PersonRoleKind.LiaisonOfficial)
        {
            var openBefore = sameKind.ToDictionary(r => r.Id, r => r.End);
            try { role = LiaisonRule.Appoint(sameKind, org, person.Id, start.Value); }
            catch (DomainValidationException e) { row.Reject(e.Errors); return RowOutcome.Rejected; }
            role.End = end;
            // The predecessor's record changed too: its version moves on.
            foreach (var ended in sameKind.Where(r => r.End != openBefore[r.Id] && r.PersonId != person.Id).Select(r => r.PersonId).Distinct())
                if (await db.People.FirstOrDefaultAsync(p => p.Id == ended, ct) is { } other) Touch(db, other);
        }
        else
        {
            role = new PersonRole
            {
                OrganizationId = org, PersonId = person.Id, Kind = kind, Purpose = purpose, CountryIso3 = country, RegionCode = region,
                AreaCode = area, Start = start.Value, End = end,
            };
        }
        db.PersonRoles.Add(role);
        Touch(db, person);
        return RowOutcome.Created;
    }

    private static RowOutcome? Permit(ExchangeRow row, ImportRun run, Person person) =>
        run.Permit(row, RowOutcome.Updated, RecordLabel.Of(person), Role, "You may not change the roles of this person") == RowOutcome.Rejected
            ? RowOutcome.Rejected : null;

    /// <summary>Roles are part of the person's record: a change to them is a new version of it.</summary>
    private static void Touch(InterlockDbContext db, Person person)
    {
        var entry = db.Entry(person);
        if (entry.State is EntityState.Unchanged or EntityState.Modified) entry.Property(p => p.Version).IsModified = true;
    }
}

/// <summary>The caller may not export or import this kind of record at all (as opposed to a rejected row).</summary>
public sealed class ExchangeDeniedException(string message) : Exception(message);
