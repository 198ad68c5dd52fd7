using Strata.Cases;
using Strata.Evaluation;
using Strata.Knowledge.Cases;
using Strata.Knowledge.Loading;

namespace Strata.Web.Pages;

/// <summary>A case read and evaluated for a page: what the results partial shows.</summary>
/// <param name="Case">The case.</param>
/// <param name="Assessment">Its evaluation, with explanations.</param>
/// <param name="CaseJson">The case as <c>case/v1</c> JSON, for advisors to copy.</param>
public sealed record CaseResults(Case Case, Assessment Assessment, string CaseJson)
{
    /// <summary>Reads case text and evaluates it; the problems when it does not read.</summary>
    /// <param name="kb">The law.</param>
    /// <param name="name">Name used in messages.</param>
    /// <param name="text">The case file, JSON or YAML.</param>
    /// <returns>The results, or null and every problem.</returns>
    public static (CaseResults? Results, IReadOnlyList<Problem> Problems) Evaluate(KnowledgeBase kb, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var loaded = CaseFile.Parse(name, text, kb);
        if (!loaded.Succeeded)
        {
            return (null, loaded.Problems);
        }

        return (new CaseResults(loaded.Value!, Evaluator.Evaluate(kb, loaded.Value!, EvaluationOptions.Default), Storage.CaseJson.Normalize(text)), []);
    }
}
