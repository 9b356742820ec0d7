using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interlock.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RiskAndInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountryRisks",
                columns: table => new
                {
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Level = table.Column<byte>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountryRisks", x => new { x.CountryIso3, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "InboxItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecipientOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientRoles = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecipientEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    EmailedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    EmailError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Level = table.Column<byte>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ObservationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CountryRisks_Month_Level",
                table: "CountryRisks",
                columns: new[] { "Month", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_Kind_SourceId_RecipientOrganizationId_RecipientPersonId",
                table: "InboxItems",
                columns: new[] { "Kind", "SourceId", "RecipientOrganizationId", "RecipientPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_RecipientOrganizationId_CreatedAt",
                table: "InboxItems",
                columns: new[] { "RecipientOrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_CountryIso3_Month_IndicatorCode",
                table: "IndicatorValues",
                columns: new[] { "CountryIso3", "Month", "IndicatorCode" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorCode_Month",
                table: "IndicatorValues",
                columns: new[] { "IndicatorCode", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountryRisks");

            migrationBuilder.DropTable(
                name: "InboxItems");

            migrationBuilder.DropTable(
                name: "IndicatorValues");
        }
    }
}
