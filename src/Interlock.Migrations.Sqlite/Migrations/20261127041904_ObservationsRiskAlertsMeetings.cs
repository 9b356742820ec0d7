using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interlock.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ObservationsRiskAlertsMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertEvaluationMarks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskSeenUpTo = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    IndicatorsSeenUpTo = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastRunAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertEvaluationMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Trigger = table.Column<byte>(type: "INTEGER", nullable: false),
                    TriggerKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Level = table.Column<byte>(type: "INTEGER", nullable: false),
                    PreviousLevel = table.Column<byte>(type: "INTEGER", nullable: true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    ObservationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    SupersedesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Admin1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Precision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ViolenceType = table.Column<byte>(type: "INTEGER", nullable: false),
                    IncidentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SideA = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SideB = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Fatalities = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Verification = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    ReportedParticipantCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportedHeadsCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Observations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Admin1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SourceReliability = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    InformationCredibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RevisedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Observations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Level = table.Column<byte>(type: "INTEGER", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Situations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Admin1Areas = table.Column<string>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InvolvedOrganizationIds = table.Column<string>(type: "TEXT", nullable: false),
                    WatchFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Situations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlertRoutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRoutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertRoutes_Alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "Alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItem_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SupersededById = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceDocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecurrenceMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Occurrence = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Decisions_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Decisions_SupersededById",
                        column: x => x.SupersededById,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Documents_SourceDocumentId",
                        column: x => x.SourceDocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Decisions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDocument",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDocument", x => new { x.MeetingId, x.DocumentId });
                    table.ForeignKey(
                        name: "FK_MeetingDocument_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingDocument_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingParticipant",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Delegate = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingParticipant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingParticipant_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingParticipant_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ObservationRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObservationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SourceReliability = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    InformationCredibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Correction = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservationRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObservationRevisions_Observations_ObservationId",
                        column: x => x.ObservationId,
                        principalTable: "Observations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SituationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SituationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AuthorOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SituationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SituationNotes_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionEvidence_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionEvidence_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionOwner",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionOwner", x => new { x.DecisionId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_DecisionOwner_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionOwner_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionStatusChange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionStatusChange_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_MeetingId",
                table: "AgendaItem",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertRoutes_AlertId_OrganizationId",
                table: "AlertRoutes",
                columns: new[] { "AlertId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_CountryIso3_Month_Trigger_TriggerKey",
                table: "Alerts",
                columns: new[] { "CountryIso3", "Month", "Trigger", "TriggerKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Month",
                table: "Alerts",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionEvidence_DecisionId",
                table: "DecisionEvidence",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionEvidence_DocumentId",
                table: "DecisionEvidence",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionOwner_OrganizationId",
                table: "DecisionOwner",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Key",
                table: "Decisions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_MeetingId",
                table: "Decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_OwnerOrganizationId",
                table: "Decisions",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ParentId_Occurrence",
                table: "Decisions",
                columns: new[] { "ParentId", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SourceDocumentId",
                table: "Decisions",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Status_DueOn",
                table: "Decisions",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SupersededById",
                table: "Decisions",
                column: "SupersededById");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionStatusChange_DecisionId_At",
                table: "DecisionStatusChange",
                columns: new[] { "DecisionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentReports_CountryIso3_Date",
                table: "IncidentReports",
                columns: new[] { "CountryIso3", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentReports_OwnerOrganizationId",
                table: "IncidentReports",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDocument_DocumentId",
                table: "MeetingDocument",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipant_MeetingId_OrganizationId",
                table: "MeetingParticipant",
                columns: new[] { "MeetingId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingParticipant_OrganizationId",
                table: "MeetingParticipant",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Key",
                table: "Meetings",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_OwnerOrganizationId",
                table: "Meetings",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_StartsOn",
                table: "Meetings",
                column: "StartsOn");

            migrationBuilder.CreateIndex(
                name: "IX_ObservationRevisions_ObservationId_Number",
                table: "ObservationRevisions",
                columns: new[] { "ObservationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Observations_CountryIso3_Month",
                table: "Observations",
                columns: new[] { "CountryIso3", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_OwnerOrganizationId_IndicatorCode_CountryIso3_Month",
                table: "Observations",
                columns: new[] { "OwnerOrganizationId", "IndicatorCode", "CountryIso3", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_CountryIso3_Month",
                table: "RiskAssessments",
                columns: new[] { "CountryIso3", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_SituationNotes_SituationId",
                table: "SituationNotes",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_Situations_CountryIso3",
                table: "Situations",
                column: "CountryIso3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaItem");

            migrationBuilder.DropTable(
                name: "AlertEvaluationMarks");

            migrationBuilder.DropTable(
                name: "AlertRoutes");

            migrationBuilder.DropTable(
                name: "DecisionEvidence");

            migrationBuilder.DropTable(
                name: "DecisionOwner");

            migrationBuilder.DropTable(
                name: "DecisionStatusChange");

            migrationBuilder.DropTable(
                name: "IncidentReports");

            migrationBuilder.DropTable(
                name: "MeetingDocument");

            migrationBuilder.DropTable(
                name: "MeetingParticipant");

            migrationBuilder.DropTable(
                name: "ObservationRevisions");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropTable(
                name: "SituationNotes");

            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "Observations");

            migrationBuilder.DropTable(
                name: "Situations");

            migrationBuilder.DropTable(
                name: "Meetings");
        }
    }
}
