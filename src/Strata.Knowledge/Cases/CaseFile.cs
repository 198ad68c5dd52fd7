using System.Globalization;
using Strata.Cases;
using Strata.Knowledge.Loading;
using Strata.Knowledge.Yaml;
using Strata.Law;

namespace Strata.Knowledge.Cases;

/// <summary>Reads a case file (<c>strata: case/v1</c>, YAML or JSON with the same fields) into a validated <see cref="Case"/>.</summary>
/// <remarks>Every problem is reported with the file, line and field; nothing is guessed.</remarks>
public static class CaseFile
{
    /// <summary>Largest case file accepted: a career of thousands of periods fits well within it.</summary>
    public const long MaxBytes = 1_000_000;

    /// <summary>Largest monthly wage accepted (in any currency): far above any real wage, small enough that sums never overflow.</summary>
    public const decimal MaxWage = 1_000_000_000_000m;

    /// <summary>Dates outside these years are refused: no social security law outside them is modelled.</summary>
    public static readonly DateOnly EarliestDate = new(1850, 1, 1);

    /// <summary>Latest date accepted.</summary>
    public static readonly DateOnly LatestDate = new(2200, 12, 31);

    /// <summary>The version this reader accepts.</summary>
    public const string Version = "case/v1";

    /// <summary>Writes a case as <c>case/v1</c> YAML that <see cref="Parse"/> reads back to the same case.</summary>
    /// <param name="case">The case.</param>
    /// <param name="comment">Lines written first as YAML comments (what the case is, how to run it), or null.</param>
    /// <returns>YAML text.</returns>
    public static string Write(Case @case, IEnumerable<string>? comment = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sb = new System.Text.StringBuilder();
        foreach (var line in comment ?? [])
        {
            sb.Append("# ").Append(line).Append('\n');
        }

        var p = @case.Person;
        sb.Append("strata: ").Append(Version).Append('\n');
        sb.Append("person:\n").Append("  born: ").Append(D(p.Born)).Append('\n');
        if (p.Sex is { } sex)
        {
            sb.Append("  sex: ").Append(sex).Append('\n');
        }

        sb.Append("  nationalities: [").Append(string.Join(", ", p.Nationalities)).Append("]\n").Append("  residence: ").Append(p.Residence).Append('\n');
        sb.Append("career:\n");
        foreach (var period in @case.Career)
        {
            sb.Append("  - country: ").Append(period.Country).Append('\n')
                .Append("    from: ").Append(D(period.From)).Append('\n')
                .Append("    to: ").Append(D(period.To)).Append('\n')
                .Append("    activity: ").Append(period.Activity.ToName()).Append('\n')
                .Append("    documented: ").Append(period.Documented ? "true" : "false").Append('\n');
            if (period.PostedFrom is { } from)
            {
                sb.Append("    postedFrom: ").Append(from).Append('\n');
            }

            if (period.MonthlyWage is { } wage)
            {
                sb.Append("    wage: ").Append(wage.ToString(CultureInfo.InvariantCulture)).Append('\n').Append("    currency: ").Append(period.Currency).Append('\n');
            }

            if (period.Scheme is { } scheme)
            {
                sb.Append("    scheme: ").Append(scheme).Append('\n');
            }

            if (period.Sector is { } sector)
            {
                sb.Append("    sector: ").Append(sector).Append('\n');
            }
        }

        var claim = @case.Claim;
        sb.Append("claim:\n").Append("  date: ").Append(D(claim.Date)).Append('\n')
            .Append("  branches: [").Append(string.Join(", ", claim.Branches.Select(b => b.ToName()))).Append("]\n");
        if (claim.ContingencyDate != claim.Date)
        {
            sb.Append("  contingencyDate: ").Append(D(claim.ContingencyDate)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Reads a case file from disk.</summary>
    /// <param name="path">Path.</param>
    /// <param name="knowledge">When given, scheme ids in the career must exist in it.</param>
    /// <returns>The case or every problem.</returns>
    public static LoadResult<Case> Load(string path, KnowledgeBase? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path;
        if (!File.Exists(path))
        {
            return new LoadResult<Case>(null, [new Problem(name, 0, "", "does not exist")]);
        }

        var size = new FileInfo(path).Length;
        if (size > MaxBytes)
        {
            return new LoadResult<Case>(null, [new Problem(name, 0, "", string.Format(CultureInfo.InvariantCulture, Messages.TooLarge, size, MaxBytes))]);
        }

        return Parse(name, File.ReadAllText(path), knowledge);
    }

    /// <summary>Reads case text.</summary>
    /// <param name="name">Name used in messages.</param>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="knowledge">When given, scheme ids in the career must exist in it.</param>
    /// <returns>The case or every problem.</returns>
    public static LoadResult<Case> Parse(string name, string text, KnowledgeBase? knowledge = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes)
        {
            return new LoadResult<Case>(null, [new Problem(name, 0, "", string.Format(CultureInfo.InvariantCulture, Messages.TooLarge, text.Length, MaxBytes))]);
        }

        var doc = SourceDocument.Parse(name, text);
        var root = doc.RootMap();
        var result = root is null ? null : Read(doc, root, knowledge);
        return new LoadResult<Case>(doc.Problems.Count == 0 ? result : null, doc.Problems.OrderBy(p => p.Line).ToArray());
    }

    private static Case? Read(SourceDocument doc, MapReader root, KnowledgeBase? knowledge)
    {
        root.Only("strata", "person", "career", "claim");
        var version = root.String("strata", required: true);
        if (version is not null && version != Version)
        {
            doc.Error(root.Get("strata"), "strata", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, version, Version));
        }

        var person = ReadPerson(root.Map("person", required: true));
        var claim = ReadClaim(root.Map("claim", required: true));
        var career = new List<(CareerPeriod Period, int Line, string Path)>();
        var items = root.List("career", required: true);
        if (root.Has("career") && items.Count == 0)
        {
            doc.Error(root.Get("career"), "career", "must list at least one period");
        }

        foreach (var (node, path) in items)
        {
            var map = MapReader.Of(doc, node, path);
            if (map is not null && ReadPeriod(map, person?.Born, knowledge) is { } period)
            {
                career.Add((period, (int)node.Start.Line, path));
            }
        }

        // Two periods in one country on the same days would count the same months twice: the file must say which is right.
        foreach (var group in career.GroupBy(p => p.Period.Country))
        {
            var ordered = group.OrderBy(p => p.Period.From).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                var previous = ordered.Take(i).MaxBy(p => p.Period.To);
                if (previous.Period.To >= ordered[i].Period.From)
                {
                    doc.Problems.Add(new Problem(doc.File, ordered[i].Line, ordered[i].Path + ".from",
                        $"overlaps {previous.Path} ({previous.Period.From:yyyy-MM-dd}–{previous.Period.To:yyyy-MM-dd}) in {group.Key}; periods in one country must not overlap"));
                }
            }
        }

        if (person is not null && claim is not null)
        {
            var claimMap = root.Map("claim")!;
            if (person.Born > claim.Date)
            {
                doc.Error(claimMap.Get("date"), "claim.date", $"({claim.Date:yyyy-MM-dd}) is before the person was born ({person.Born:yyyy-MM-dd})");
            }

            if (claim.ContingencyDate > claim.Date)
            {
                doc.Error(claimMap.Get("contingencyDate"), "claim.contingencyDate", $"({claim.ContingencyDate:yyyy-MM-dd}) is after the claim date ({claim.Date:yyyy-MM-dd}): a claim follows its contingency");
            }
            else if (claimMap.Has("contingencyDate") && claim.ContingencyDate < person.Born)
            {
                doc.Error(claimMap.Get("contingencyDate"), "claim.contingencyDate", $"({claim.ContingencyDate:yyyy-MM-dd}) is before the person was born ({person.Born:yyyy-MM-dd})");
            }
        }

        return person is null || claim is null || doc.Problems.Count > 0 ? null : new Case(person, career.Select(c => c.Period), claim);
    }

    private static Person? ReadPerson(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        map.Only("born", "sex", "nationalities", "residence");
        var born = map.Date("born", required: true);
        var sex = map.String("sex");
        if (sex is not null and not ("female" or "male"))
        {
            map.Doc.Error(map.Get("sex"), map.Field("sex"), string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, sex, "female|male"));
        }

        var nationalities = new List<string>();
        foreach (var (code, node, path) in map.Strings("nationalities", required: true))
        {
            if (Codes.IsCountry(code))
            {
                nationalities.Add(code);
            }
            else
            {
                map.Doc.Error(node, path, string.Format(CultureInfo.InvariantCulture, Messages.BadCountry, code));
            }
        }

        if (map.Has("nationalities") && nationalities.Count == 0 && map.Strings("nationalities").Count == 0)
        {
            map.Doc.Error(map.Get("nationalities"), map.Field("nationalities"), "must list at least one nationality");
        }

        var residence = map.Country("residence", required: true);
        return born is null || residence is null || nationalities.Count == 0 ? null : new Person(born.Value, nationalities, residence, sex);
    }

    private static Claim? ReadClaim(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        map.Only("date", "branches", "contingencyDate");
        var date = map.Date("date", required: true);
        var branches = map.Choices<Branch>("branches", BranchNames.TryParse, BranchNames.Accepted);

        var contingency = map.Date("contingencyDate");
        return date is null ? null : new Claim(date.Value, branches, contingency);
    }

    private static CareerPeriod? ReadPeriod(MapReader map, DateOnly? born, KnowledgeBase? knowledge)
    {
        map.Only("country", "from", "to", "activity", "postedFrom", "documented", "wage", "currency", "scheme", "sector");
        var country = map.Country("country", required: true);
        var from = map.Date("from", required: true);
        var to = map.Date("to", required: true);
        var ok = country is not null && from is not null && to is not null;
        if (from is { } f && to is { } t && t < f)
        {
            map.Doc.Error(map.Get("to"), map.Field("to"), string.Format(CultureInfo.InvariantCulture, Messages.EndBeforeStart, t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            ok = false;
        }

        if (from is { } f2 && born is { } b && f2 < b)
        {
            map.Doc.Error(map.Get("from"), map.Field("from"), $"({f2:yyyy-MM-dd}) is before the person was born ({b:yyyy-MM-dd})");
            ok = false;
        }

        var activityName = map.String("activity") ?? "employed";
        if (!ActivityNames.TryParse(activityName, out var activity))
        {
            map.Doc.Error(map.Get("activity"), map.Field("activity"), string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, activityName, ActivityNames.Accepted));
            ok = false;
        }

        var postedFrom = map.Country("postedFrom", required: activity == Activity.Posted);
        if (postedFrom is not null && activity != Activity.Posted)
        {
            map.Doc.Error(map.Get("postedFrom"), map.Field("postedFrom"), "is only meaningful with activity: posted");
            ok = false;
        }

        if (activity == Activity.Posted && postedFrom is not null && postedFrom == country)
        {
            map.Doc.Error(map.Get("postedFrom"), map.Field("postedFrom"), "must differ from the country of work");
            ok = false;
        }

        var documented = map.Bool("documented") ?? true;
        var wage = map.Decimal("wage");
        if (map.Has("wage") && wage is null)
        {
            ok = false;
        }

        var currency = map.String("currency") ?? (country is null ? null : Codes.CurrencyOf(country));
        if (map.Has("currency") && !Codes.IsCurrency(currency))
        {
            map.Doc.Error(map.Get("currency"), map.Field("currency"), string.Format(CultureInfo.InvariantCulture, Messages.BadCurrency, currency));
            ok = false;
        }

        var sector = map.String("sector");
        if (sector is not null && !CareerPeriod.Sectors.Contains(sector))
        {
            map.Doc.Error(map.Get("sector"), map.Field("sector"), string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, sector, string.Join("|", CareerPeriod.Sectors)));
            ok = false;
        }

        var scheme = map.String("scheme");
        if (scheme is not null && knowledge is not null
            && !knowledge.Schemes.Keys.Any(id => id == scheme || id.StartsWith(scheme + ".", StringComparison.Ordinal)))
        {
            map.Doc.Error(map.Get("scheme"), map.Field("scheme"), $"'{scheme}' is not a scheme in the knowledge base");
            ok = false;
        }

        if (currency is null && country is not null && !map.Has("currency"))
        {
            map.Doc.Error(map.Node, map.Field("currency"), $"is required: no default currency is known for {country}");
            ok = false;
        }

        if (wage is > MaxWage)
        {
            map.Doc.Error(map.Get("wage"), map.Field("wage"), $"({wage}) is implausibly large; the limit is {MaxWage:N0} a month");
            ok = false;
        }

        if (scheme is not null && country is not null && knowledge is not null && ok
            && !knowledge.Schemes.Values.Any(s => (s.Id == scheme || s.Id.StartsWith(scheme + ".", StringComparison.Ordinal)) && (s.Country == country || s.Country == postedFrom)))
        {
            map.Doc.Error(map.Get("scheme"), map.Field("scheme"), $"'{scheme}' is not a scheme of {country}{(postedFrom is null ? "" : " or " + postedFrom)}");
            ok = false;
        }

        return ok && currency is not null
            ? new CareerPeriod(country!, from!.Value, to!.Value, activity, postedFrom, documented, wage, currency, scheme, sector)
            : null;
    }
}
