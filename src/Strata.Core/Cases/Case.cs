using Strata.Law;

namespace Strata.Cases;

/// <summary>The kind of activity a period of the career records.</summary>
public enum Activity
{
    /// <summary>Employed by an employer in the country of work.</summary>
    Employed,
    /// <summary>Working on one's own account.</summary>
    SelfEmployed,
    /// <summary>Voluntary (opted-in) contributions, e.g. an overseas worker paying into the origin's scheme.</summary>
    Voluntary,
    /// <summary>Employed in the country of work but sent there by an employer of <see cref="CareerPeriod.PostedFrom"/>.</summary>
    Posted,
}

/// <summary>Contract names of <see cref="Activity"/>.</summary>
public static class ActivityNames
{
    private static readonly string[] Names = ["employed", "self-employed", "voluntary", "posted"];

    /// <summary>Gets the contract name.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns>The kebab-case name.</returns>
    public static string ToName(this Activity activity) => Names[(int)activity];

    /// <summary>Parses a contract name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="activity">The activity when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out Activity activity)
    {
        var index = Array.IndexOf(Names, name);
        activity = index < 0 ? default : (Activity)index;
        return index >= 0;
    }

    /// <summary>The accepted names, for error messages.</summary>
    public static string Accepted => string.Join("|", Names);
}

/// <summary>The person whose rights are evaluated.</summary>
public sealed class Person
{
    /// <summary>Creates a person.</summary>
    /// <param name="born">Date of birth.</param>
    /// <param name="nationalities">ISO 3166-1 alpha-2 codes.</param>
    /// <param name="residence">Country of residence on the claim date.</param>
    /// <param name="sex">Optional: female or male.</param>
    /// <exception cref="ArgumentException">No nationality is given.</exception>
    public Person(DateOnly born, IEnumerable<string> nationalities, string residence, string? sex = null)
    {
        ArgumentNullException.ThrowIfNull(nationalities);
        ArgumentException.ThrowIfNullOrWhiteSpace(residence);
        Born = born;
        _nationalities = nationalities.Distinct(StringComparer.Ordinal).ToArray();
        if (_nationalities.Length == 0)
        {
            throw new ArgumentException("A person has at least one nationality.", nameof(nationalities));
        }

        Residence = residence;
        Sex = sex;
    }

    /// <summary>Date of birth.</summary>
    public DateOnly Born { get; }

    private readonly string[] _nationalities;

    /// <summary>Nationalities (ISO 3166-1 alpha-2).</summary>
    public IReadOnlyList<string> Nationalities => _nationalities;

    internal ReadOnlySpan<string> NationalitySpan => _nationalities;

    /// <summary>Country of residence on the claim date.</summary>
    public string Residence { get; }

    /// <summary>female, male or null when not stated.</summary>
    public string? Sex { get; }

    /// <summary>Whether the person is a national of a state.</summary>
    /// <param name="country">ISO code.</param>
    /// <returns>True when one of the nationalities matches.</returns>
    public bool IsNationalOf(string country) => Array.IndexOf(_nationalities, country) >= 0;

    /// <summary>Age in whole years on a day.</summary>
    /// <param name="day">The day.</param>
    /// <returns>Completed years of age.</returns>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - Born.Year;
        if (day < Born.AddYears(age))
        {
            age--;
        }

        return age;
    }

    /// <summary>The day the person reaches an age.</summary>
    /// <param name="age">Age in years.</param>
    /// <returns>The birthday; 29 February births reach it on 28 February in common years.</returns>
    public DateOnly ReachesAge(int age) => Born.AddYears(age);
}

/// <summary>One period of a career: work (or voluntary insurance) in one country between two days.</summary>
/// <remarks>Both <see cref="From"/> and <see cref="To"/> are included, as the case file states them.</remarks>
public sealed class CareerPeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="country">Country of work (or of the scheme, for voluntary periods).</param>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="activity">Kind of activity.</param>
    /// <param name="postedFrom">Sending country, for posted periods.</param>
    /// <param name="documented">Whether the work was authorised (work permit, visa).</param>
    /// <param name="monthlyWage">Monthly earnings, or null when not stated.</param>
    /// <param name="currency">ISO 4217 currency of the wage.</param>
    /// <param name="scheme">Optional scheme id where the country has several.</param>
    /// <param name="sector">Optional sector of work (see <see cref="Sectors"/>), for schemes that exclude some sectors.</param>
    /// <exception cref="ArgumentException">The end is before the start, or a wage is negative.</exception>
    public CareerPeriod(string country, DateOnly from, DateOnly to, Activity activity, string? postedFrom,
        bool documented, decimal? monthlyWage, string currency, string? scheme = null, string? sector = null)
    {
        Sector = sector;
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        if (to < from)
        {
            throw new ArgumentException("End date must not be earlier than the start date.", nameof(to));
        }

        if (monthlyWage < 0)
        {
            throw new ArgumentException("A wage must not be negative.", nameof(monthlyWage));
        }

        Country = country;
        From = from;
        To = to;
        Activity = activity;
        PostedFrom = postedFrom;
        Documented = documented;
        MonthlyWage = monthlyWage;
        Currency = currency;
        Scheme = scheme;
    }

    /// <summary>Country of work.</summary>
    public string Country { get; }

    /// <summary>First day, included.</summary>
    public DateOnly From { get; }

    /// <summary>Last day, included.</summary>
    public DateOnly To { get; }

    /// <summary>Kind of activity.</summary>
    public Activity Activity { get; }

    /// <summary>Sending country of a posted worker.</summary>
    public string? PostedFrom { get; }

    /// <summary>Whether the work was authorised.</summary>
    public bool Documented { get; }

    /// <summary>Monthly earnings.</summary>
    public decimal? MonthlyWage { get; }

    /// <summary>Currency of <see cref="MonthlyWage"/>.</summary>
    public string Currency { get; }

    /// <summary>Scheme id, where stated.</summary>
    public string? Scheme { get; }

    /// <summary>Sector of work, where stated (e.g. <c>domestic-work</c>).</summary>
    public string? Sector { get; }

    /// <summary>The sectors a period may state; schemes exclude some of them (domestic work most often).</summary>
    public static IReadOnlyList<string> Sectors { get; } =
        ["domestic-work", "care", "agriculture", "fishing", "seafaring", "construction", "manufacturing", "services", "public-service", "other"];
}

/// <summary>What is claimed, and when.</summary>
public sealed class Claim
{
    /// <summary>Creates a claim.</summary>
    /// <param name="date">Claim date: payment is decided under the law in force then.</param>
    /// <param name="branches">Branches asked about; empty means all nine.</param>
    /// <param name="contingencyDate">Day of the contingency (reaching pension age, injury, invalidity, death); defaults to the claim date.</param>
    public Claim(DateOnly date, IEnumerable<Branch>? branches = null, DateOnly? contingencyDate = null)
    {
        Date = date;
        var list = branches?.Distinct().Order().ToArray() ?? [];
        _branches = list.Length == 0 ? [.. BranchNames.All] : list;
        ContingencyDate = contingencyDate ?? date;
    }

    /// <summary>Claim date.</summary>
    public DateOnly Date { get; }

    private readonly Branch[] _branches;

    /// <summary>Branches asked about.</summary>
    public IReadOnlyList<Branch> Branches => _branches;

    internal ReadOnlySpan<Branch> BranchSpan => _branches;

    /// <summary>Day of the contingency: entitlement is decided under the law in force then.</summary>
    public DateOnly ContingencyDate { get; }
}

/// <summary>A case: one person, their career and their claim.</summary>
public sealed class Case
{
    /// <summary>Creates a case.</summary>
    /// <param name="person">The person.</param>
    /// <param name="career">The periods, in any order.</param>
    /// <param name="claim">The claim.</param>
    public Case(Person person, IEnumerable<CareerPeriod> career, Claim claim)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(career);
        ArgumentNullException.ThrowIfNull(claim);
        Person = person;
        _career = career.ToArray();
        Claim = claim;
    }

    /// <summary>The person.</summary>
    public Person Person { get; }

    private readonly CareerPeriod[] _career;

    /// <summary>The career, in file order (the result never depends on it).</summary>
    public IReadOnlyList<CareerPeriod> Career => _career;

    internal ReadOnlySpan<CareerPeriod> CareerSpan => _career;

    /// <summary>The claim.</summary>
    public Claim Claim { get; }
}
