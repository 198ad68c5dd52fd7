using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Strata.Knowledge.Cases;
using Strata.Knowledge.Contracts;
using Strata.Knowledge.Loading;
using Strata.Web.Storage;

namespace Strata.Web.Endpoints;

/// <summary>The link to a saved case, answered by <c>POST /api/v1/cases</c>.</summary>
/// <param name="Token">The capability token: whoever holds it may read and delete the case.</param>
/// <param name="Url">The case's address in the API.</param>
public sealed record SavedCaseLink(string Token, string Url);

/// <summary>
/// Saved cases under <c>/api/v1/cases</c>. A case is reachable only through its unguessable token; cases are never
/// listed, never logged and never cached, and deleting one removes it for good.
/// </summary>
public static class CaseEndpoints
{
    /// <summary>The route prefix.</summary>
    public const string Prefix = "/api/v1/cases";

    internal static void Map(IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup(Prefix).WithTags("Saved cases").AddEndpointFilter(async (context, next) =>
        {
            // Answers carry personal data (or the link to it): no shared or browser cache may keep them.
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        cases.MapPost("/", SaveAsync).RequireRateLimiting("evaluate")
            .WithSummary("Save a case (case/v1, JSON or YAML); answers its unguessable link")
            .Accepts<object>("application/json", "application/yaml").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        cases.MapGet("/{token}", GetAsync).Produces<object>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A saved case as case/v1 JSON (export)");
        cases.MapGet("/{token}/determination", DeterminationAsync).RequireRateLimiting("evaluate")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Evaluate a saved case and return the determination (determination/v1)");
        cases.MapDelete("/{token}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a saved case for good");
    }

    internal static async Task<Results<Created<SavedCaseLink>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        HttpRequest request, KnowledgeBase kb, ICaseStore store, CancellationToken cancel)
    {
        var text = await ReadBoundedAsync(request, CaseFile.MaxBytes, cancel);
        if (text is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The case is too large",
                detail: $"A case file may be at most {CaseFile.MaxBytes} bytes.");
        }

        var loaded = CaseFile.Parse("request", text, kb);
        if (!loaded.Succeeded)
        {
            return TypedResults.ValidationProblem(ApiEndpoints.Errors(loaded.Problems),
                title: $"The case has {loaded.Problems.Count} problem(s); nothing was saved.");
        }

        var token = await store.SaveAsync(CaseJson.Normalize(text), cancel);
        var url = $"{Prefix}/{token}";
        return TypedResults.Created(url, new SavedCaseLink(token, url));
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        string token, ICaseStore store, CancellationToken cancel) =>
        await store.GetAsync(token, cancel) is { } saved
            ? TypedResults.Text(saved.CaseText, "application/json", Encoding.UTF8)
            : NotFound();

    internal static async Task<Results<JsonHttpResult<DeterminationDocument>, ValidationProblem, ProblemHttpResult>> DeterminationAsync(
        string token, ICaseStore store, KnowledgeBase kb, string? asOf, CancellationToken cancel)
    {
        if (!ApiEndpoints.TryParseAsOf(asOf, out var lawAsOf, out var invalid))
        {
            return invalid;
        }

        if (await store.GetAsync(token, cancel) is not { } saved)
        {
            return NotFound();
        }

        var loaded = CaseFile.Parse("saved case", saved.CaseText, kb);
        if (!loaded.Succeeded)
        {
            // The case was valid when saved; the knowledge base has changed under it since (e.g. a scheme id was renamed).
            return TypedResults.Problem(new HttpValidationProblemDetails(ApiEndpoints.Errors(loaded.Problems))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The saved case no longer validates against the current knowledge base; export it, correct it and save it again.",
            });
        }

        return ApiEndpoints.Determination(kb, loaded.Value!, lawAsOf);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string token, ICaseStore store, CancellationToken cancel) =>
        await store.DeleteAsync(token, cancel) ? TypedResults.NoContent() : NotFound();

    /// <summary>Reads the body as text, or returns null once it exceeds <paramref name="maxBytes"/>.</summary>
    /// <remarks>Kestrel enforces its own limit too; this one also holds behind other servers and in the test host.</remarks>
    internal static async Task<string?> ReadBoundedAsync(HttpRequest request, long maxBytes, CancellationToken cancel)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        try
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = new StringBuilder();
            var buffer = new char[16 * 1024];
            long bytes = 0;
            int read;
            while ((read = await reader.ReadAsync(buffer, cancel)) > 0)
            {
                bytes += Encoding.UTF8.GetByteCount(buffer.AsSpan(0, read));
                if (bytes > maxBytes)
                {
                    return null;
                }

                text.Append(buffer, 0, read);
            }

            return text.ToString();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No saved case at this link", detail: "The link is wrong, or the case was deleted.");
}
