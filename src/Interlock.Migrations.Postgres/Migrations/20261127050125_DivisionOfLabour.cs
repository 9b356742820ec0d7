using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interlock.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DivisionOfLabour : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CooperationRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Setting = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ParticipantOrganizationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CountryIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DocumentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CooperationRecords_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CooperationRecords_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Engagements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AreaCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Activity = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CountryIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Admin1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Form = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MandateKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MandateReference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Engagements_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Engagements_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Needs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NeededWithinDays = table.Column<int>(type: "integer", nullable: true),
                    CountryIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Admin1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AgreedLeadOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgreedLeadOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreedLeadNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AgreedLeadDecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Needs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Needs_Organizations_AgreedLeadOrganizationId",
                        column: x => x.AgreedLeadOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Needs_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Needs_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TransitionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    SituationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FromEngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToEngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransitionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransitionPlans_Engagements_FromEngagementId",
                        column: x => x.FromEngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransitionPlans_Engagements_ToEngagementId",
                        column: x => x.ToEngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransitionPlans_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransitionPlans_Situations_SituationId",
                        column: x => x.SituationId,
                        principalTable: "Situations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TransitionChecklistItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TransitionPlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransitionChecklistItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransitionChecklistItem_Organizations_OwnerOrganizationId",
                        column: x => x.OwnerOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TransitionChecklistItem_TransitionPlans_TransitionPlanId",
                        column: x => x.TransitionPlanId,
                        principalTable: "TransitionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CooperationRecords_OwnerOrganizationId",
                table: "CooperationRecords",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CooperationRecords_SituationId",
                table: "CooperationRecords",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_CooperationRecords_StartOn",
                table: "CooperationRecords",
                column: "StartOn");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_CountryIso3",
                table: "Engagements",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_OrganizationId",
                table: "Engagements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_OwnerOrganizationId",
                table: "Engagements",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_SituationId",
                table: "Engagements",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_AgreedLeadOrganizationId",
                table: "Needs",
                column: "AgreedLeadOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_CountryIso3",
                table: "Needs",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_OwnerOrganizationId",
                table: "Needs",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_SituationId",
                table: "Needs",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_TransitionChecklistItem_OwnerOrganizationId",
                table: "TransitionChecklistItem",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_TransitionChecklistItem_TransitionPlanId",
                table: "TransitionChecklistItem",
                column: "TransitionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_TransitionPlans_FromEngagementId",
                table: "TransitionPlans",
                column: "FromEngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_TransitionPlans_OwnerOrganizationId",
                table: "TransitionPlans",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_TransitionPlans_SituationId",
                table: "TransitionPlans",
                column: "SituationId");

            migrationBuilder.CreateIndex(
                name: "IX_TransitionPlans_ToEngagementId",
                table: "TransitionPlans",
                column: "ToEngagementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CooperationRecords");

            migrationBuilder.DropTable(
                name: "Needs");

            migrationBuilder.DropTable(
                name: "TransitionChecklistItem");

            migrationBuilder.DropTable(
                name: "TransitionPlans");

            migrationBuilder.DropTable(
                name: "Engagements");
        }
    }
}
