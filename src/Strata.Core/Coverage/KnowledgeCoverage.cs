using Strata.Formulas;
using Strata.Law;
using Strata.Schemes;

namespace Strata.Coverage;

/// <summary>How far Strata's knowledge of one country and branch goes.</summary>
public enum CoverageStatus
{
    /// <summary>No scheme file: nothing has been recorded, not even that the branch was searched.</summary>
    Missing,
    /// <summary>A scheme is recorded but who it covers is unknown.</summary>
    Unknown,
    /// <summary>Coverage is known, but the amount formula (or another key fact) is not.</summary>
    Partial,
    /// <summary>Coverage, conditions and a computable amount are recorded.</summary>
    Modelled,
}

/// <summary>One cell of the coverage matrix: a country and branch, its schemes and the facts behind them.</summary>
/// <param name="Country">ISO code.</param>
/// <param name="Branch">Branch.</param>
/// <param name="Status">How far the knowledge goes.</param>
/// <param name="Schemes">Scheme ids.</param>
/// <param name="SourcedFacts">Facts with a source.</param>
/// <param name="UnknownFacts">Facts recorded as unknown.</param>
/// <param name="OldestCheck">Oldest check date among the facts, or null.</param>
public sealed record CoverageCell(string Country, Branch Branch, CoverageStatus Status, IReadOnlyList<string> Schemes,
    int SourcedFacts, int UnknownFacts, DateOnly? OldestCheck);

/// <summary>Builds the countries × branches matrix of what the knowledge base knows.</summary>
public static class KnowledgeCoverage
{
    /// <summary>Contract names of <see cref="CoverageStatus"/>.</summary>
    /// <param name="status">Status.</param>
    /// <returns>missing, unknown, partial or modelled.</returns>
    public static string ToName(this CoverageStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The matrix, one cell per country (with a country file) and branch.</summary>
    /// <param name="knowledge">The knowledge base.</param>
    /// <returns>Cells in country then branch order.</returns>
    public static IReadOnlyList<CoverageCell> Matrix(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var cells = new List<CoverageCell>();
        foreach (var country in knowledge.Countries.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var branch in BranchNames.All)
            {
                cells.Add(Cell(country, branch, knowledge.SchemesFor(country, branch)));
            }
        }

        return cells;
    }

    /// <summary>Every fact of a scheme, known or unknown, with its check date.</summary>
    /// <param name="scheme">Scheme.</param>
    /// <returns>Pairs of (known, checked).</returns>
    public static IEnumerable<(bool Known, DateOnly? Checked)> Facts(Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        IEnumerable<(bool, DateOnly?)> Of<T>(FactSeries<T> series) => series.Facts.Select(f => (f.IsKnown, f.Checked));
        IEnumerable<(bool, DateOnly?)> Rule(BenefitRule? rule) => rule is null ? []
            : rule.Parameters.Values.SelectMany(Of).Concat(Of(rule.MinMonths)).Concat(Of(rule.MinAge))
                .Concat(rule.Family == FormulaFamilies.UnknownFamily ? [(false, (DateOnly?)null)] : [])
                .Concat(rule.Source is { } s ? [(true, (DateOnly?)s.Checked)] : []);
        return Of(scheme.Coverage)
            .Concat(Of(scheme.Qualifying.MinMonths)).Concat(Of(scheme.Qualifying.MinAge)).Concat(Of(scheme.Qualifying.Recent)).Concat(Of(scheme.Qualifying.CoveredAtContingency))
            .Concat(Rule(scheme.Benefit)).Concat(Rule(scheme.Otherwise))
            .Concat(Of(scheme.PaidAbroad))
            .Concat(scheme.Refund is { } r ? Rule(r.Benefit).Concat(Of(r.ExtinguishesPeriods)) : []);
    }

    private static CoverageCell Cell(string country, Branch branch, IReadOnlyList<Scheme> schemes)
    {
        if (schemes.Count == 0)
        {
            return new CoverageCell(country, branch, CoverageStatus.Missing, [], 0, 0, null);
        }

        var facts = schemes.SelectMany(Facts).ToArray();
        var status = schemes.Max(Status);
        var oldest = facts.Where(f => f.Checked is not null).Select(f => f.Checked!.Value).DefaultIfEmpty().Min();
        return new CoverageCell(country, branch, status, schemes.Select(s => s.Id).ToArray(),
            facts.Count(f => f.Known), facts.Count(f => !f.Known), oldest == default ? null : oldest);
    }

    private static CoverageStatus Status(Scheme scheme)
    {
        if (scheme.Coverage.Facts.All(f => !f.IsKnown || f.Value!.ForeignWorkers == ForeignWorkerRule.Unknown))
        {
            return CoverageStatus.Unknown;
        }

        return scheme.Benefit.Family == FormulaFamilies.UnknownFamily ? CoverageStatus.Partial : CoverageStatus.Modelled;
    }
}
