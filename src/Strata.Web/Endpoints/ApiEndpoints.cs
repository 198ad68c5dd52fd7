using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Strata.Corridors;
using Strata.Evaluation;
using Strata.Knowledge.Cases;
using Strata.Knowledge.Contracts;
using Strata.Knowledge.Loading;
using Strata.Law;

namespace Strata.Web.Endpoints;

/// <summary>The JSON API, versioned under <c>/api/v1</c>: the same contracts as the CLI, errors as RFC 9457 problem details.</summary>
public static class ApiEndpoints
{
    public static void MapStrataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Strata");
        api.MapPost("/evaluate", EvaluateAsync).RequireRateLimiting("evaluate")
            .WithSummary("Evaluate a case (case/v1, JSON or YAML) and return the determination (determination/v1)")
            .Accepts<object>("application/json", "application/yaml").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/countries", Countries).WithSummary("Countries with the schemes Strata knows, by branch");
        api.MapGet("/schemes/{id}", Scheme).WithSummary("A scheme with every fact and its source");
        api.MapGet("/instruments", Instruments).WithSummary("Instruments: bilateral agreements, regional instruments, ILO conventions");
        api.MapGet("/instruments/{id}", Instrument).WithSummary("An instrument with its ratifications and provisions");
        api.MapGet("/corridors/{origin}/{destination}", Corridor).RequireRateLimiting("evaluate")
            .WithSummary("Corridor analysis: which layer gives a worker from origin in destination which rights, per branch");
    }

    /// <summary>Reads the body as text, so that errors keep their line numbers, and evaluates it.</summary>
    internal static async Task<Results<JsonHttpResult<DeterminationDocument>, ValidationProblem, ProblemHttpResult>> EvaluateAsync(
        HttpRequest request, KnowledgeBase kb, string? asOf, CancellationToken cancel)
    {
        if (!TryParseAsOf(asOf, out var lawAsOf, out var invalid))
        {
            return invalid;
        }

        // The same bounded read as saved cases: past the limit the answer is 413, whatever the server in front.
        var text = await CaseEndpoints.ReadBoundedAsync(request, CaseFile.MaxBytes, cancel);
        if (text is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The case is too large",
                detail: $"A case file may be at most {CaseFile.MaxBytes} bytes.");
        }

        var loaded = CaseFile.Parse("request", text, kb);
        if (!loaded.Succeeded)
        {
            return TypedResults.ValidationProblem(Errors(loaded.Problems), title: $"The case has {loaded.Problems.Count} problem(s); nothing was evaluated.");
        }

        return Determination(kb, loaded.Value!, lawAsOf);
    }

    /// <summary>Reads the optional <c>asOf</c> query value (the date whose law applies).</summary>
    internal static bool TryParseAsOf(string? asOf, out DateOnly? lawAsOf, out ValidationProblem invalid)
    {
        lawAsOf = null;
        invalid = null!;
        if (asOf is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            invalid = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = [$"'{asOf}' is not a date (expected YYYY-MM-DD)"] });
            return false;
        }

        lawAsOf = d;
        return true;
    }

    /// <summary>Evaluates a validated case into the determination/v1 contract.</summary>
    internal static JsonHttpResult<DeterminationDocument> Determination(KnowledgeBase kb, Strata.Cases.Case @case, DateOnly? lawAsOf) =>
        TypedResults.Json(DeterminationDocument.From(Evaluator.Evaluate(kb, @case, new EvaluationOptions { LawAsOf = lawAsOf })), DeterminationDocument.JsonOptions);

    /// <summary>Problem-details errors keyed by field (the whole document under "$"), each message with its line.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<Problem> problems) => problems
        .GroupBy(p => p.Field.Length == 0 ? "$" : p.Field)
        .ToDictionary(g => g.Key, g => g.Select(p => p.Line > 0 ? $"line {p.Line}: {p.Message}" : p.Message).ToArray());

    internal static IResult Countries(KnowledgeBase kb) => TypedResults.Json(kb.Countries.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => new
    {
        id = c.Id,
        name = c.Name,
        currency = c.Currency,
        schemes = kb.Schemes.Values.Where(s => s.Country == c.Id).OrderBy(s => s.Branch).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new { id = s.Id, branch = s.Branch.ToName(), name = s.Name }),
    }), DeterminationDocument.JsonOptions);

    internal static Results<JsonHttpResult<object>, NotFound<ProblemDetails>> Scheme(string id, KnowledgeBase kb) =>
        kb.Schemes.TryGetValue(id, out var s)
            ? TypedResults.Json(KnowledgeJson.Scheme(s), DeterminationDocument.JsonOptions)
            : TypedResults.NotFound(NotFoundProblem("scheme", id));

    internal static IResult Instruments(KnowledgeBase kb) =>
        TypedResults.Json(kb.AllInstruments.Select(i => KnowledgeJson.Instrument(i, full: false)), DeterminationDocument.JsonOptions);

    internal static Results<JsonHttpResult<object>, NotFound<ProblemDetails>> Instrument(string id, KnowledgeBase kb) =>
        kb.Instruments.TryGetValue(id, out var i)
            ? TypedResults.Json(KnowledgeJson.Instrument(i, full: true), DeterminationDocument.JsonOptions)
            : TypedResults.NotFound(NotFoundProblem("instrument", id));

    internal static Results<JsonHttpResult<object>, ValidationProblem> Corridor(string origin, string destination, KnowledgeBase kb, TimeProvider clock,
        string? date, string? profile)
    {
        origin = origin.ToUpperInvariant();
        destination = destination.ToUpperInvariant();
        var errors = new Dictionary<string, string[]>();
        if (!Codes.IsCountry(origin))
        {
            errors["origin"] = [$"'{origin}' is not an ISO 3166-1 alpha-2 country code"];
        }

        if (!Codes.IsCountry(destination) || destination == origin)
        {
            errors["destination"] = [destination == origin ? "must differ from the origin" : $"'{destination}' is not an ISO 3166-1 alpha-2 country code"];
        }

        var day = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            errors["date"] = [$"'{date}' is not a date (expected YYYY-MM-DD)"];
        }

        var chosen = CareerProfile.BuiltIn.FirstOrDefault(p => p.Id == (profile ?? CareerProfile.BuiltIn[0].Id));
        if (chosen is null)
        {
            errors["profile"] = [$"'{profile}' is not one of {string.Join(", ", CareerProfile.BuiltIn.Select(p => p.Id))}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var report = CorridorAnalysis.Analyse(kb, origin, destination, day, chosen!, _ => null);
        return TypedResults.Json(CorridorJson.From(report), DeterminationDocument.JsonOptions);
    }

    private static ProblemDetails NotFoundProblem(string what, string id) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = $"No {what} '{id}'",
        Detail = $"Strata's knowledge base has no {what} with id '{id}'. GET /api/v1/{(what == "scheme" ? "countries" : "instruments")} lists them.",
    };
}
