using Interlock.Audit;
using Interlock.Capabilities;
using Interlock.DivisionOfLabour;
using Interlock.EarlyWarning;
using Interlock.EarlyWarning.Incidents;
using Interlock.EarlyWarning.Observations;
using Interlock.EarlyWarning.Situations;
using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Identity;
using Interlock.Inbox;
using Interlock.Knowledge;
using Interlock.Meetings;
using Interlock.Registry;
using Interlock.Shared;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Interlock.Data;

/// <summary>
/// The one database of Interlock. Each module maps its own entities (see the *Model.cs files); this class
/// adds what every write needs: optimistic-concurrency versions and the hash-chained audit log.
/// </summary>
public sealed class InterlockDbContext(DbContextOptions<InterlockDbContext> options, IAuditActor? actor = null, TimeProvider? time = null)
    : IdentityDbContext<InterlockUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    private readonly List<AuditEntry> _pendingReads = [];
    private AuditEntry? _batchSummary;

    public IAuditActor Actor { get; } = actor ?? FixedAuditActor.System;
    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<SharingAgreement> SharingAgreements => Set<SharingAgreement>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonRole> PersonRoles => Set<PersonRole>();
    public DbSet<CooperationAgreement> CooperationAgreements => Set<CooperationAgreement>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Capability> Capabilities => Set<Capability>();
    public DbSet<ConflictEvent> ConflictEvents => Set<ConflictEvent>();
    public DbSet<CountryMonth> CountryMonths => Set<CountryMonth>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<CountryRisk> CountryRisks => Set<CountryRisk>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<ObservationRevision> ObservationRevisions => Set<ObservationRevision>();
    public DbSet<IncidentReport> IncidentReports => Set<IncidentReport>();
    public DbSet<Situation> Situations => Set<Situation>();
    public DbSet<SituationNote> SituationNotes => Set<SituationNote>();
    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertRoute> AlertRoutes => Set<AlertRoute>();
    public DbSet<AlertEvaluationMark> AlertEvaluationMarks => Set<AlertEvaluationMark>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<TransitionPlan> TransitionPlans => Set<TransitionPlan>();
    public DbSet<CooperationRecord> CooperationRecords => Set<CooperationRecord>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(InterlockDbContext).Assembly);
        foreach (var entity in b.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            b.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    /// <summary>Records that the current actor read a restricted record; written with the next save.</summary>
    public void RecordRead(string entityType, string entityId, string? details = null) =>
        _pendingReads.Add(NewEntry(AuditActions.Read, entityType, entityId, details));

    /// <summary>
    /// Records the next save as one bulk operation (an import or a reference-data load): a single entry that names
    /// what was loaded and how much, instead of one entry per row.
    /// </summary>
    public void AuditNextSaveAsBatch(string entityType, string entityId, string details) =>
        _batchSummary = NewEntry(AuditActions.Create, entityType, entityId, details);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var e in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            e.Entity.Version++;

        var entries = _batchSummary is { } batch ? [batch] : AuditCapture.Capture(ChangeTracker, NewEntry);
        _batchSummary = null;
        entries.AddRange(_pendingReads);
        _pendingReads.Clear();
        if (entries.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await AppendToChainAsync(entries, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private async Task AppendToChainAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        // Serialize appends across connections and nodes. SQLite transactions already hold the write lock (BEGIN IMMEDIATE).
        if (Database.IsNpgsql())
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7316021)", ct);

        var previous = await AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct)
                       ?? AuditChain.Genesis;
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(entry);
            previous = entry.Hash;
        }
        AuditEntries.AddRange(entries);
    }

    private AuditEntry NewEntry(string action, string entityType, string entityId, string? details) => new()
    {
        At = AuditChain.Normalize(Time.GetUtcNow()),
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        UserId = Actor.UserId,
        UserName = Actor.UserName,
        OrganizationId = Actor.OrganizationId,
        RemoteAddress = Actor.RemoteAddress,
        Details = details,
        PreviousHash = AuditChain.Genesis,
    };
}

/// <summary>Which reference data files were last seeded, so a restart with the same files does no work.</summary>
public sealed class ReferenceDataVersion
{
    public required string Name { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
}
