using System.Text.Json;
using System.Text.Json.Serialization;
using Strata.Evaluation;
using Strata.Formulas;
using Strata.Law;

namespace Strata.Knowledge.Contracts;

/// <summary>The <c>determination/v1</c> JSON contract, shared by every host so the CLI and the API answer identically.</summary>
/// <param name="Strata">Always <c>determination/v1</c>.</param>
/// <param name="ClaimDate">Claim date.</param>
/// <param name="LawAsOf">Date whose law was applied.</param>
/// <param name="Determinations">One per country, branch and scheme.</param>
public sealed record DeterminationDocument(
    string Strata, string ClaimDate, string LawAsOf, IReadOnlyList<DeterminationJson> Determinations)
{
    /// <summary>The contract version.</summary>
    public const string Version = "determination/v1";

    /// <summary>Serializer options: camelCase, nulls written, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Maps an assessment to the contract.</summary>
    /// <param name="assessment">Assessment.</param>
    /// <returns>The document.</returns>
    public static DeterminationDocument From(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new DeterminationDocument(Version, Date(assessment.ClaimDate), Date(assessment.LawAsOf),
            assessment.Determinations.Select(DeterminationJson.From).ToArray());
    }

    /// <summary>Serializes to JSON.</summary>
    /// <returns>JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One determination in the contract.</summary>
/// <param name="Country">ISO code.</param>
/// <param name="Branch">Branch name.</param>
/// <param name="Scheme">Scheme id or null.</param>
/// <param name="Outcome">pension|lump-sum|refund|not-entitled|not-covered|unknown.</param>
/// <param name="Amount">Amount or null.</param>
/// <param name="Exportable">Paid where the person lives; null when unknown or nothing is due.</param>
/// <param name="DecidedBy">domestic|bilateral|regional|international.</param>
/// <param name="Instruments">Instrument ids applied.</param>
/// <param name="Periods">Months counted.</param>
/// <param name="Options">Alternatives.</param>
/// <param name="ToQualify">What would change a denial.</param>
/// <param name="Explanation">Steps.</param>
/// <param name="Conflicts">Rules that disagreed.</param>
/// <param name="Assumptions">Facts of the case Strata had to assume.</param>
public sealed record DeterminationJson(
    string Country, string Branch, string? Scheme, string Outcome, AmountJson? Amount, bool? Exportable, string DecidedBy,
    IReadOnlyList<string> Instruments, PeriodsJson Periods, IReadOnlyList<OptionJson> Options, string? ToQualify,
    IReadOnlyList<StepJson> Explanation, IReadOnlyList<ConflictJson> Conflicts, IReadOnlyList<string> Assumptions)
{
    internal static DeterminationJson From(Determination d) => new(
        d.Country, d.Branch.ToName(), d.Scheme, d.Outcome.ToName(), AmountJson.From(d.Amount), d.Exportable, d.DecidedBy.ToName(),
        d.Instruments, new PeriodsJson(d.Periods.Own, d.Periods.Aggregated),
        d.Options.Select(o => new OptionJson(o.Label, o.Outcome.ToName(), AmountJson.From(o.Amount), o.Exportable, o.Cost, o.Explanation.Select(StepJson.From).ToArray())).ToArray(),
        d.ToQualify, d.Explanation.Select(StepJson.From).ToArray(),
        d.Conflicts.Select(c => new ConflictJson(c.Text, c.Sources.Select(SourceJson.From).ToArray())).ToArray(), d.Assumptions);
}

/// <summary>An amount: value, currency, per month or once.</summary>
/// <param name="Value">Value.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="Per">month or once.</param>
/// <param name="Partial">True when part of the amount (interest or returns not declared or not known) is left out of it.</param>
public sealed record AmountJson(decimal Value, string Currency, string Per, bool Partial)
{
    internal static AmountJson? From(Amount? a) => a is { } v ? new AmountJson(v.Value, v.Currency, v.PerMonth ? "month" : "once", v.Partial) : null;
}

/// <summary>Months counted.</summary>
/// <param name="Own">Own months.</param>
/// <param name="Aggregated">Months after aggregation.</param>
public sealed record PeriodsJson(int Own, int Aggregated);

/// <summary>An alternative the person may choose.</summary>
/// <param name="Label">What the choice is.</param>
/// <param name="Outcome">What it gives.</param>
/// <param name="Amount">How much.</param>
/// <param name="Exportable">Paid where the person lives.</param>
/// <param name="Cost">What it costs.</param>
/// <param name="Explanation">Steps.</param>
public sealed record OptionJson(string Label, string Outcome, AmountJson? Amount, bool? Exportable, string? Cost, IReadOnlyList<StepJson> Explanation);

/// <summary>An explanation step.</summary>
/// <param name="Text">Plain sentence.</param>
/// <param name="Source">Source or null.</param>
public sealed record StepJson(string Text, SourceJson? Source)
{
    internal static StepJson From(Step s) => new(s.Text, SourceJson.From(s.Source));
}

/// <summary>A source.</summary>
/// <param name="Title">Title.</param>
/// <param name="Article">Article.</param>
/// <param name="Url">URL.</param>
/// <param name="Checked">Date checked.</param>
public sealed record SourceJson(string Title, string Article, string Url, string Checked)
{
    internal static SourceJson? From(Source? s) => s is null ? null : new SourceJson(s.Title, s.Article, s.Url, DeterminationDocument.Date(s.Checked));
}

/// <summary>A conflict between rules.</summary>
/// <param name="Text">What disagrees and what was applied.</param>
/// <param name="Sources">The rules.</param>
public sealed record ConflictJson(string Text, IReadOnlyList<SourceJson?> Sources);
