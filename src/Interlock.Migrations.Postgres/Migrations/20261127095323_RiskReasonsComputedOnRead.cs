using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interlock.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RiskReasonsComputedOnRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The reasons are written when a level is read (RiskExplanations); a recompute stores levels only.
            migrationBuilder.DropColumn(
                name: "Reasons",
                table: "CountryRisks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Reasons",
                table: "CountryRisks",
                type: "text[]",
                nullable: false,
                defaultValue: new List<string>());
        }
    }
}
