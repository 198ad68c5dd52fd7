using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "saved_cases",
                columns: table => new
                {
                    token = table.Column<string>(type: "character varying(22)", unicode: false, maxLength: 22, nullable: false),
                    case_text = table.Column<string>(type: "text", nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_saved_cases", x => x.token);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saved_cases");
        }
    }
}
