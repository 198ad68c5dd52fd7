using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Strata.Corridors;
using Strata.Evaluation;
using Strata.Knowledge.Loading;
using Strata.Law;
using Strata.Schemes;

namespace Strata.Web.Pages;

/// <summary>The words the pages use for the engine's terms: plain, for workers and advisors, in one place.</summary>
public static class PlainWords
{
    /// <summary>Branches in the order the pages list them: the ones migrants ask about first.</summary>
    public static IReadOnlyList<Branch> BranchOrder { get; } =
    [
        Branch.OldAge, Branch.Invalidity, Branch.Survivors, Branch.EmploymentInjury, Branch.MedicalCare,
        Branch.Sickness, Branch.Maternity, Branch.Unemployment, Branch.Family,
    ];

    public static string BranchText(Branch branch) => branch switch
    {
        Branch.OldAge => "Old-age pension",
        Branch.Invalidity => "Invalidity (disability)",
        Branch.Survivors => "Survivors (family after a death)",
        Branch.EmploymentInjury => "Employment injury (accident or illness from work)",
        Branch.MedicalCare => "Medical care",
        Branch.Sickness => "Sickness",
        Branch.Maternity => "Maternity",
        Branch.Unemployment => "Unemployment",
        _ => "Family benefits",
    };

    public static string OutcomeText(Outcome outcome) => outcome switch
    {
        Outcome.Pension => "Monthly pension",
        Outcome.LumpSum => "One-off payment (lump sum)",
        Outcome.Refund => "Refund of contributions",
        Outcome.NotEntitled => "Not entitled: conditions not met",
        Outcome.NotCovered => "Not covered: not insured by this scheme",
        _ => "Unknown: Strata does not know the law needed",
    };

    /// <summary>A CSS class for the outcome: something is paid, nothing is, or not known.</summary>
    public static string OutcomeClass(Outcome outcome) => outcome switch
    {
        Outcome.Pension or Outcome.LumpSum or Outcome.Refund => "pays",
        Outcome.Unknown => "unknown",
        _ => "denied",
    };

    public static bool Pays(Outcome outcome) => outcome is Outcome.Pension or Outcome.LumpSum or Outcome.Refund;

    public static string AmountText(Amount? amount, Outcome outcome)
    {
        if (amount is not { } a)
        {
            return Pays(outcome) ? "Not known" : "—";
        }

        var text = $"{a.Value.ToString("#,##0.00", CultureInfo.InvariantCulture)} {a.Currency} {(a.PerMonth ? "a month" : "once")}";
        return a.Partial ? text + " (plus interest not known)" : text;
    }

    public static string ExportableText(bool? exportable, Outcome outcome) => exportable switch
    {
        true => "Yes",
        false => "No",
        _ => Pays(outcome) ? "Not known" : "Nothing due",
    };

    public static string LayerText(Layer layer) => layer switch
    {
        Layer.Domestic => "Domestic law",
        Layer.Bilateral => "Bilateral agreement",
        Layer.Regional => "Regional instrument",
        _ => "International convention",
    };

    public static string LayerGroup(Layer layer) => layer switch
    {
        Layer.International => "International conventions",
        Layer.Regional => "Regional instruments",
        Layer.Bilateral => "Bilateral agreements",
        _ => "Domestic measures",
    };

    public static string CountryText(string code) => $"{Codes.NameOf(code)} ({code})";

    public static string DateText(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string ValidityText(ValidityPeriod v) => (v.From, v.To) switch
    {
        (null, null) => "always",
        ({ } f, null) => $"from {DateText(f)}",
        (null, { } t) => $"until {DateText(t)}",
        ({ } f, { } t) => $"{DateText(f)} to {DateText(t)}",
    };

    public static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Yes => "Yes",
        Verdict.No => "No",
        Verdict.Unknown => "Not known",
        _ => "Does not arise",
    };

    public static string RegimeLabel(Regime regime) => regime == Regime.Unknown ? "?" : regime.ToString();

    /// <summary>The regime's name in the contract: I to IV, or unknown.</summary>
    public static string RegimeName(Regime regime) => regime == Regime.Unknown ? "unknown" : regime.ToString();

    public static string RegimeClass(Regime regime) => regime == Regime.Unknown ? "regime-unknown" : "regime-" + regime;

    public static string RegimeText(Regime regime) => regime switch
    {
        Regime.I => "Insured, and an agreement or convention carries the rights across the border",
        Regime.II => "Insured, but the rights cross the border only as far as the destination's own law allows",
        Regime.III => "Working with papers, but not insured in the destination",
        Regime.IV => "Working without papers, and not insured",
        _ => "Not known: Strata does not know whether the destination insures this worker",
    };

    public static string ForeignWorkers(ForeignWorkerRule rule) => rule switch
    {
        ForeignWorkerRule.All => "covered like nationals",
        ForeignWorkerRule.DocumentedOnly => "covered when their work is authorised",
        ForeignWorkerRule.Excluded => "not covered",
        ForeignWorkerRule.Reciprocity => "covered only when their country treats this country's nationals alike",
        _ => "not known",
    };

    /// <summary>Links to the instruments' pages, separated by commas.</summary>
    public static IHtmlContent InstrumentLinks(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new HtmlString(string.Join(", ", ids.Select(id =>
            $"<a href=\"/instruments/{HtmlEncoder.Default.Encode(id)}\">{HtmlEncoder.Default.Encode(id)}</a>")));
    }

    /// <summary>Only web links are rendered as links; anything else in a source stays text.</summary>
    public static bool IsWebLink(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
}
