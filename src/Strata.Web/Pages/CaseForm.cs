using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Cases;
using Strata.Knowledge.Cases;
using Strata.Knowledge.Loading;
using Strata.Law;

namespace Strata.Web.Pages;

/// <summary>
/// The calculator form as the person typed it. Every value stays text: the form is turned into a <c>case/v1</c>
/// document and read by <see cref="CaseFile.Parse"/>, so a wrong date gets the same message here as in the CLI and the API.
/// </summary>
/// <remarks>Mutable because model binding fills it; it lives only for one request.</remarks>
public sealed partial class CaseForm
{
    public string? Born { get; set; }

    public string? Sex { get; set; }

    /// <summary>Nationalities in the order chosen; blanks are ignored.</summary>
    public List<string?> Nationalities { get; set; } = [];

    public string? Residence { get; set; }

    public string? ClaimDate { get; set; }

    public string? ContingencyDate { get; set; }

    /// <summary>Branch names ticked; none or all nine both mean all nine.</summary>
    public List<string> Branches { get; set; } = [];

    public List<PeriodForm> Periods { get; set; } = [];

    /// <summary>An empty form: one period, every branch, claimed today.</summary>
    public static CaseForm Blank(DateOnly today) => new()
    {
        ClaimDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Branches = [.. BranchNames.All.Select(b => b.ToName())],
        Periods = [new PeriodForm()],
    };

    /// <summary>The form for a case read from a file (a saved case, a pasted one).</summary>
    public static CaseForm FromCase(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var claim = @case.Claim;
        return new CaseForm
        {
            Born = Day(@case.Person.Born),
            Sex = @case.Person.Sex,
            Nationalities = [.. @case.Person.Nationalities],
            Residence = @case.Person.Residence,
            ClaimDate = Day(claim.Date),
            ContingencyDate = claim.ContingencyDate == claim.Date ? null : Day(claim.ContingencyDate),
            Branches = [.. claim.Branches.Select(b => b.ToName())],
            Periods = [.. @case.Career.Select(p => new PeriodForm
            {
                Country = p.Country,
                From = Day(p.From),
                To = Day(p.To),
                Activity = p.Activity.ToName(),
                PostedFrom = p.PostedFrom,
                Documented = p.Documented,
                Wage = p.MonthlyWage?.ToString(CultureInfo.InvariantCulture),
                Currency = p.Currency == Codes.CurrencyOf(p.Country) ? null : p.Currency,
                Sector = p.Sector,
                Scheme = p.Scheme,
            })],
        };
    }

    /// <summary>Whether every branch is asked about (none ticked counts as all, as in the contract).</summary>
    public bool AllBranches => Branches.Count == 0 || BranchNames.All.All(b => Branches.Contains(b.ToName()));

    /// <summary>The <c>case/v1</c> JSON for the form; blank fields are left out so that the reader reports them as required.</summary>
    public string ToCaseJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("strata", CaseFile.Version);
            json.WriteStartObject("person");
            Text(json, "born", Born);
            Text(json, "sex", Sex);
            var nationalities = Nationalities.Select(Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            if (nationalities.Length > 0)
            {
                json.WriteStartArray("nationalities");
                foreach (var n in nationalities)
                {
                    json.WriteStringValue(n);
                }

                json.WriteEndArray();
            }

            Text(json, "residence", Residence);
            json.WriteEndObject();

            json.WriteStartArray("career");
            foreach (var p in Periods)
            {
                p.Write(json);
            }

            json.WriteEndArray();

            json.WriteStartObject("claim");
            Text(json, "date", ClaimDate);
            if (!AllBranches)
            {
                json.WriteStartArray("branches");
                foreach (var b in Branches.Distinct(StringComparer.Ordinal))
                {
                    json.WriteStringValue(b);
                }

                json.WriteEndArray();
            }

            Text(json, "contingencyDate", ContingencyDate);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Where a problem's field is on the form: the element id to link to and the words for it.</summary>
    /// <param name="field">The problem's field path, e.g. <c>career[1].to</c>.</param>
    /// <returns>The element id (null for the whole case) and a label.</returns>
    public static (string? Id, string Label) Locate(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var period = PeriodField().Match(field);
        if (period.Success)
        {
            var i = int.Parse(period.Groups[1].Value, CultureInfo.InvariantCulture);
            var name = period.Groups[2].Value;
            var (suffix, words) = name switch
            {
                "country" => ("country", "country"),
                "from" => ("from", "first day"),
                "to" => ("to", "last day"),
                "activity" => ("activity", "kind of work"),
                "postedFrom" => ("posted-from", "sent from"),
                "documented" => ("documented", "work permit"),
                "wage" => ("wage", "monthly wage"),
                "currency" => ("currency", "currency"),
                "sector" => ("sector", "sector"),
                "scheme" => ("scheme", "scheme"),
                _ => ("", ""),
            };
            var row = $"period-{i}";
            return suffix.Length == 0 ? (row, $"Period {i + 1}") : ($"{row}-{suffix}", $"Period {i + 1}, {words}");
        }

        return field switch
        {
            "person.born" => ("born", "Date of birth"),
            "person.sex" => ("sex", "Sex"),
            "person.residence" => ("residence", "Country where the person lives"),
            "claim.date" => ("claim-date", "Claim date"),
            "claim.contingencyDate" => ("contingency-date", "Date of the event"),
            "career" => ("add-period", "Periods of work"),
            "person" => ("born", "Person"),
            "claim" => ("claim-date", "Claim"),
            _ when field.StartsWith("person.nationalities", StringComparison.Ordinal) => ("nationality", "Nationality"),
            _ when field.StartsWith("claim.branches", StringComparison.Ordinal) => ("branches", "Benefits to check"),
            _ => (null, field.Length == 0 ? "Case" : field),
        };
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (Clean(value) is { } v)
        {
            json.WriteString(name, v);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^career\[(\d{1,6})\](?:\.(\w+))?")]
    private static partial Regex PeriodField();
}

/// <summary>One period of work on the calculator form.</summary>
public sealed class PeriodForm
{
    public string? Country { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>employed, self-employed, voluntary or posted.</summary>
    public string? Activity { get; set; } = "employed";

    /// <summary>The sending country, used only for posted work.</summary>
    public string? PostedFrom { get; set; }

    public bool Documented { get; set; } = true;

    public string? Wage { get; set; }

    public string? Currency { get; set; }

    public string? Sector { get; set; }

    /// <summary>A scheme the period is limited to; kept from case files, not asked on the form.</summary>
    public string? Scheme { get; set; }

    internal void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        CaseForm.Text(json, "country", Country);
        CaseForm.Text(json, "from", From);
        CaseForm.Text(json, "to", To);
        var activity = CaseForm.Clean(Activity);
        if (activity is not null and not "employed")
        {
            json.WriteString("activity", activity);
        }

        if (activity == "posted")
        {
            CaseForm.Text(json, "postedFrom", PostedFrom);
        }

        if (!Documented)
        {
            json.WriteBoolean("documented", false);
        }

        if (CaseForm.Clean(Wage) is { } wage)
        {
            // A number stays a number in the JSON; anything else goes as text so that the reader names what is wrong with it.
            if (decimal.TryParse(wage, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                json.WriteNumber("wage", value);
            }
            else
            {
                json.WriteString("wage", wage);
            }
        }

        CaseForm.Text(json, "currency", CaseForm.Clean(Currency)?.ToUpperInvariant());
        CaseForm.Text(json, "sector", Sector);
        CaseForm.Text(json, "scheme", Scheme);
        json.WriteEndObject();
    }
}
