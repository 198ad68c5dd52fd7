using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Strata.Knowledge.Loading;

namespace Strata.Web.Pages;

/// <summary>
/// The calculator: a person, a claim and periods of work country by country. Adding and removing periods posts the
/// form back (no script needed) and keeps what was typed; evaluating reads the form as a case file.
/// </summary>
[EnableRateLimiting("evaluate")]
public sealed class CalculatorModel(KnowledgeBase kb, TimeProvider clock) : PageModel
{
    /// <summary>Most periods "Add a period" goes up to: far beyond any career, small enough that the page stays light.</summary>
    public const int MaxPeriods = 60;

    public CaseForm Form { get; private set; } = new();

    public CaseResults? Results { get; private set; }

    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    /// <summary>Problems by element id, for the message under each field.</summary>
    public ILookup<string, string> FieldProblems { get; private set; } = Array.Empty<string>().ToLookup(x => x, x => x);

    /// <summary>Problems with a pasted case file that could not be opened.</summary>
    public string? PastedText { get; private set; }

    public KnowledgeBase Knowledge => kb;

    public void OnGet() => Form = CaseForm.Blank(DateOnly.FromDateTime(clock.GetLocalNow().Date));

    /// <summary>One form, three buttons: add a period, remove one, or evaluate (also what Enter does).</summary>
    public async Task<IActionResult> OnPostAsync(string? action, int? remove)
    {
        var form = new CaseForm();
        await TryUpdateModelAsync(form, "");
        ModelState.Clear();
        Form = form;
        if (remove is { } index)
        {
            if (index >= 0 && index < form.Periods.Count)
            {
                form.Periods.RemoveAt(index);
            }

            return Page();
        }

        if (action == "add")
        {
            if (form.Periods.Count < MaxPeriods)
            {
                form.Periods.Add(new PeriodForm());
            }

            return Page();
        }

        Show(CaseResults.Evaluate(kb, "calculator", form.ToCaseJson()));
        return Page();
    }

    /// <summary>Opens a case file (a saved case, or one pasted by an advisor) in the form and evaluates it.</summary>
    public IActionResult OnPostOpen()
    {
        // Read from the form, not as a handler argument: handler arguments are written to the trace log, and this is personal data.
        var text = Request.Form["caseJson"].ToString();
        var (results, problems) = CaseResults.Evaluate(kb, "case", text);
        if (results is null)
        {
            Form = CaseForm.Blank(DateOnly.FromDateTime(clock.GetLocalNow().Date));
            PastedText = text;
            Problems = problems;
            FieldProblems = Array.Empty<string>().ToLookup(x => x, x => x);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Form = CaseForm.FromCase(results.Case);
        Results = results;
        return Page();
    }

    private void Show((CaseResults? Results, IReadOnlyList<Problem> Problems) evaluated)
    {
        Results = evaluated.Results;
        Problems = evaluated.Problems;
        FieldProblems = Problems
            .Select(p => (Id: CaseForm.Locate(p.Field).Id, p.Message))
            .Where(p => p.Id is not null)
            .ToLookup(p => p.Id!, p => p.Message);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
