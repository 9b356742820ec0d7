using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Interlock.Migrations.Postgres.Migrations
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
                    CountryIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Level = table.Column<byte>(type: "smallint", nullable: false),
                    Reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountryRisks", x => new { x.CountryIso3, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "InboxItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecipientOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientRoles = table.Column<int>(type: "integer", nullable: false),
                    RecipientPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecipientEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: true),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EmailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CountryIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Level = table.Column<byte>(type: "smallint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ObservationId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_InboxItems_Kind_SourceId_RecipientOrganizationId_RecipientP~",
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
