using System.Globalization;
using Strata.Cases;
using Strata.Formulas;
using Strata.Instruments;
using Strata.Knowledge.Yaml;
using Strata.Law;
using Strata.Schemes;
using YamlDotNet.RepresentationModel;

namespace Strata.Knowledge.Loading;

/// <summary>Loads a knowledge directory into a validated <see cref="KnowledgeBase"/>, reporting every problem with its file, line and field.</summary>
public static class KnowledgeLoader
{
    /// <summary>Largest knowledge file accepted.</summary>
    public const long MaxFileBytes = 1_000_000;

    /// <summary>Summary figures of a loaded knowledge base, for <c>kb validate</c>.</summary>
    /// <param name="Files">Files read.</param>
    /// <param name="Sources">Sources declared or inline.</param>
    /// <param name="UnknownFacts">Facts recorded as unknown.</param>
    /// <param name="Replaced">Ids replaced by reform files.</param>
    /// <param name="Overlaid">Every id a reform file defines, added or replaced (e.g. <c>agreement.asean</c>, <c>country:TH</c>).</param>
    public sealed record Statistics(int Files, int Sources, int UnknownFacts, IReadOnlyList<string>? Replaced = null, IReadOnlyList<string>? Overlaid = null);

    private sealed class Pending
    {
        public List<Country> Countries { get; } = [];

        public List<(Scheme Scheme, SourceDocument Doc, YamlNode Node)> Schemes { get; } = [];

        public List<(Instrument Instrument, SourceDocument Doc, YamlNode Node, List<(string Scheme, YamlNode Node, string Path)> SchemeRefs)> Instruments { get; } = [];

        public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

        public List<Regions.Region> Regions { get; } = [];

        public List<Floors.SocialProtectionFloor> Floors { get; } = [];

        public List<(string Region, SourceDocument Doc, YamlNode Node)> RegionRefs { get; } = [];

        public List<(string Country, SourceDocument Doc, YamlNode Node, string Field)> CountryRefs { get; } = [];

        public int Sources { get; set; }

        /// <summary>Whether the file being read belongs to a reform, whose ids replace the knowledge base's.</summary>
        public bool Overlay { get; set; }

        public List<string> Replaced { get; } = [];

        public List<string> Overlaid { get; } = [];

        public int Unknown { get; set; }
    }

    /// <summary>Loads every <c>*.yaml</c> file under a directory.</summary>
    /// <param name="directory">The knowledge directory.</param>
    /// <param name="today">When given, <c>checked</c> dates after it are errors.</param>
    /// <returns>The knowledge base, or every problem found.</returns>
    public static LoadResult<KnowledgeBase> Load(string directory, DateOnly? today = null) => LoadWithStatistics(directory, today).Result;

    /// <summary>Loads a directory and counts files, sources and unknown facts.</summary>
    /// <param name="directory">The knowledge directory.</param>
    /// <param name="today">When given, <c>checked</c> dates after it are errors.</param>
    /// <returns>The result and figures.</returns>
    /// <param name="reforms">
    /// Reform folders read after the knowledge base, validated the same way: their files add countries, schemes,
    /// instruments, regions or floors, and a file with the id of an existing one replaces it (a reform).
    /// </param>
    public static (LoadResult<KnowledgeBase> Result, Statistics Statistics) LoadWithStatistics(string directory, DateOnly? today = null,
        IReadOnlyList<string>? reforms = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        foreach (var folder in new[] { directory }.Concat(reforms ?? []))
        {
            if (!Directory.Exists(folder))
            {
                return (new LoadResult<KnowledgeBase>(null, [new Problem(folder, 0, "", "is not a directory")]), new Statistics(0, 0, 0));
            }
        }

        static string[] Yaml(string folder) => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        var files = Yaml(directory).Select(f => (Path: f, Name: Path.GetRelativePath(directory, f).Replace('\\', '/'), Overlay: false))
            .Concat((reforms ?? []).SelectMany(folder => Yaml(folder).Select(f =>
                (Path: f, Name: "reform " + Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/')) + "/" + Path.GetRelativePath(folder, f).Replace('\\', '/'), Overlay: true))))
            .ToArray();
        var problems = new List<Problem>();
        var pending = new Pending();
        foreach (var (path, name, overlay) in files)
        {
            pending.Overlay = overlay;
            var size = new FileInfo(path).Length;
            if (size > MaxFileBytes)
            {
                problems.Add(new Problem(name, 0, "", string.Format(CultureInfo.InvariantCulture, Messages.TooLarge, size, MaxFileBytes)));
                continue;
            }

            var doc = SourceDocument.Parse(name, File.ReadAllText(path));
            ReadFile(doc, pending, today);
            problems.AddRange(doc.Problems);
        }

        var kb = CrossCheck(pending, problems);
        problems.Sort((a, b) => (string.CompareOrdinal(a.File, b.File), a.Line).CompareTo((0, b.Line)));
        var stats = new Statistics(files.Length, pending.Sources, pending.Unknown, pending.Replaced, pending.Overlaid);
        return (new LoadResult<KnowledgeBase>(problems.Count == 0 ? kb : null, problems), stats);
    }

    private static void ReadFile(SourceDocument doc, Pending pending, DateOnly? today)
    {
        var root = doc.RootMap();
        if (root is null)
        {
            return;
        }

        var kind = root.String("strata", required: true);
        switch (kind)
        {
            case null:
                return;
            case "country/v1":
                ReadCountry(doc, root, pending);
                break;
            case "scheme/v1":
                ReadScheme(doc, root, pending, today);
                break;
            case "instrument/v1":
                ReadInstrument(doc, root, pending, today);
                break;
            case "region/v1":
                ReadRegion(doc, root, pending, today);
                break;
            case "floor/v1":
                ReadFloor(doc, root, pending, today);
                break;
            case "removal/v1":
                ReadRemoval(doc, root, pending);
                break;
            default:
                doc.Error(root.Get("strata"), "strata", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, kind, "country/v1|scheme/v1|instrument/v1|region/v1|floor/v1|removal/v1"));
                break;
        }

        pending.Unknown += CountUnknown(doc.Root);
    }

    private static int CountUnknown(YamlNode? node) => node switch
    {
        YamlMappingNode map => map.Children.Sum(kv => (kv.Key is YamlScalarNode { Value: "unknown" or "registeredUnknown" } ? 1 : 0) + CountUnknown(kv.Value)),
        YamlSequenceNode seq => seq.Children.Sum(CountUnknown),
        _ => 0,
    };

    private static bool ClaimId(Pending pending, SourceDocument doc, MapReader root, string? id)
    {
        if (id is null)
        {
            return false;
        }

        if (pending.Ids.TryGetValue(id, out var other))
        {
            if (!pending.Overlay || other.StartsWith("reform ", StringComparison.Ordinal))
            {
                doc.Error(root.Get("id"), "id", string.Format(CultureInfo.InvariantCulture, Messages.Duplicate, id, other));
                return false;
            }

            // A reform replaces what the knowledge base says under the same id.
            pending.Replaced.Add(id);
            Remove(pending, id);
        }

        pending.Ids[id] = doc.File;
        if (pending.Overlay)
        {
            pending.Overlaid.Add(id);
        }

        return true;
    }

    private static void Remove(Pending pending, string id)
    {
        pending.Schemes.RemoveAll(x => x.Scheme.Id == id);
        pending.Instruments.RemoveAll(x => x.Instrument.Id == id);
        pending.Countries.RemoveAll(x => "country:" + x.Id == id);
        pending.Regions.RemoveAll(x => "region:" + x.Id == id);
        pending.Floors.RemoveAll(x => "floor:" + x.Country == id);
    }

    /// <summary>
    /// A reform's <c>removal/v1</c> file: ids the reform deletes from the knowledge base, each with why. References to a
    /// removed scheme are then reported where they stand, like any unknown reference.
    /// </summary>
    private static void ReadRemoval(SourceDocument doc, MapReader root, Pending pending)
    {
        root.Only("strata", "removes");
        if (!pending.Overlay)
        {
            doc.Error(root.Get("strata"), "strata", "removal/v1 belongs in a reform folder, not in the knowledge base");
            return;
        }

        foreach (var (node, path) in root.List("removes", required: true))
        {
            var item = MapReader.Of(doc, node, path);
            if (item is null)
            {
                continue;
            }

            item.Only("id", "why");
            var id = item.String("id", required: true);
            item.String("why", required: true);
            if (id is null)
            {
                continue;
            }

            if (!pending.Ids.TryGetValue(id, out var where) || where.StartsWith("removed by ", StringComparison.Ordinal))
            {
                doc.Error(item.Get("id"), item.Field("id"), string.Format(CultureInfo.InvariantCulture, Messages.UnknownReference, "id", id));
                continue;
            }

            Remove(pending, id);
            pending.Ids[id] = "removed by " + doc.File;
            pending.Overlaid.Add(id);
        }
    }

    private static void ReadCountry(SourceDocument doc, MapReader root, Pending pending)
    {
        root.Only("strata", "id", "name", "currency", "sources", "note");
        var id = root.Country("id", required: true);
        var name = root.String("name", required: true);
        var currency = root.String("currency", required: true);
        if (currency is not null && !Codes.IsCurrency(currency))
        {
            doc.Error(root.Get("currency"), "currency", string.Format(CultureInfo.InvariantCulture, Messages.BadCurrency, currency));
            return;
        }

        if (id is not null && name is not null && currency is not null && ClaimId(pending, doc, root, "country:" + id))
        {
            pending.Countries.Add(new Country(id, name, currency));
        }
    }

    private static readonly string[] SchemeFields =
        ["strata", "id", "country", "branch", "name", "institution", "currency", "counts", "sources", "law", "coverage", "qualifying",
         "benefit", "otherwise", "paidAbroad", "refund", "note"];

    private static void ReadScheme(SourceDocument doc, MapReader root, Pending pending, DateOnly? today)
    {
        root.Only(SchemeFields);
        var facts = new FactReader(doc, root, today);
        pending.Sources += facts.SourceCount;
        var id = root.String("id", required: true);
        var country = root.Country("country", required: true);
        if (country is not null)
        {
            pending.CountryRefs.Add((country, doc, root.Get("country")!, "country"));
        }

        var branchName = root.String("branch", required: true);
        Branch branch = default;
        if (branchName is not null && !BranchNames.TryParse(branchName, out branch))
        {
            doc.Error(root.Get("branch"), "branch", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, branchName, BranchNames.Accepted));
            branchName = null;
        }

        var name = root.String("name", required: true);
        var institution = root.String("institution", required: true);
        var currency = root.String("currency") ?? (country is null ? null : Codes.CurrencyOf(country));
        if (root.Has("currency") && !Codes.IsCurrency(currency))
        {
            doc.Error(root.Get("currency"), "currency", string.Format(CultureInfo.InvariantCulture, Messages.BadCurrency, currency));
        }

        var counts = PeriodUnit.Months;
        if (root.String("counts") is { } unit && !Enum.TryParse(unit, ignoreCase: true, out counts))
        {
            doc.Error(root.Get("counts"), "counts", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, unit, "days|weeks|months|quarters|years"));
        }

        if (root.Has("law"))
        {
            facts.Source(root, "law");
        }

        var coverage = facts.Series(root, "coverage", ReadCoverage, ["activities", "foreignWorkers", "maxAge", "coveredNationalities", "excludedNationalities", "excludedSectors"],
            required: true, overlapAllowed: static (a, b) => a.IsKnown && b.IsKnown && !a.Value!.Activities.Intersect(b.Value!.Activities).Any());
        var qualifying = ReadQualifying(root.Map("qualifying"), facts);
        var benefit = ReadBenefit(root.Map("benefit", required: true), facts, fallback: false);
        var otherwise = root.Has("otherwise") ? ReadBenefit(root.Map("otherwise"), facts, fallback: true) : null;
        var paidAbroad = facts.Series(root, "paidAbroad", FactReader.BoolValue, ["value"], required: true).Unbox();
        var refund = root.Has("refund") ? ReadRefund(root.Map("refund")!, facts) : null;
        if (id is null || country is null || branchName is null || name is null || institution is null || currency is null
            || coverage is null || benefit is null || paidAbroad is null || (root.Has("refund") && refund is null) || (root.Has("otherwise") && otherwise is null))
        {
            return;
        }

        if (ClaimId(pending, doc, root, id))
        {
            pending.Schemes.Add((new Scheme(id, country, branch, name, institution, currency, coverage, qualifying, benefit, otherwise,
                paidAbroad, refund, counts), doc, root.Node));
        }
    }

    private static CoverageRule? ReadCoverage(MapReader map)
    {
        var activities = map.Choices<Activity>("activities", ActivityNames.TryParse, ActivityNames.Accepted, required: true);

        var foreign = map.String("foreignWorkers", required: true);
        ForeignWorkerRule rule;
        switch (foreign)
        {
            case "all": rule = ForeignWorkerRule.All; break;
            case "documented-only": rule = ForeignWorkerRule.DocumentedOnly; break;
            case "excluded": rule = ForeignWorkerRule.Excluded; break;
            case "reciprocity": rule = ForeignWorkerRule.Reciprocity; break;
            case "unknown": rule = ForeignWorkerRule.Unknown; break;
            case null: return null;
            default:
                map.Doc.Error(map.Get("foreignWorkers"), map.Field("foreignWorkers"), string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, foreign, "all|documented-only|excluded|reciprocity|unknown"));
                return null;
        }

        var covered = Countries(map, "coveredNationalities");
        var excluded = Countries(map, "excludedNationalities");
        var sectors = map.Choices("excludedSectors", (string v, out string sector) => CareerPeriod.Sectors.Contains(sector = v), string.Join("|", CareerPeriod.Sectors));

        if ((covered.Count > 0 || excluded.Count > 0) && rule != ForeignWorkerRule.Reciprocity)
        {
            map.Doc.Error(map.Get("coveredNationalities") ?? map.Get("excludedNationalities"), map.Field("foreignWorkers"), "nationality lists are only meaningful with foreignWorkers: reciprocity");
        }

        return activities.Count == 0 ? null : new CoverageRule(activities, rule, map.Int("maxAge"), covered, excluded, sectors);
    }

    private static List<string> Countries(MapReader map, string key)
    {
        var result = new List<string>();
        foreach (var (code, node, path) in map.Strings(key))
        {
            if (Codes.IsCountry(code))
            {
                result.Add(code);
            }
            else
            {
                map.Doc.Error(node, path, string.Format(CultureInfo.InvariantCulture, Messages.BadCountry, code));
            }
        }

        return result;
    }

    private static QualifyingConditions ReadQualifying(MapReader? map, FactReader facts)
    {
        if (map is null)
        {
            return QualifyingConditions.None;
        }

        map.Only("minMonths", "minAge", "minAgeFemale", "recent", "coveredAtContingency", "note");
        var recent = facts.Series(map, "recent", m =>
        {
            var v = m.Map("value", required: true);
            if (v is null)
            {
                return null;
            }

            v.Only("months", "within");
            var months = v.Int("months", required: true);
            var within = v.Int("within", required: true);
            return months is null || within is null ? null : new Box<RecentContributions>(new RecentContributions(months.Value, within.Value));
        }, ["value"]);
        return new QualifyingConditions(
            facts.Series(map, "minMonths", FactReader.IntValue, ["value"]).Unbox(),
            facts.Series(map, "minAge", FactReader.IntValue, ["value"]).Unbox(),
            recent.Unbox(),
            facts.Series(map, "coveredAtContingency", FactReader.BoolValue, ["value"]).Unbox(),
            facts.Series(map, "minAgeFemale", FactReader.IntValue, ["value"]).Unbox());
    }

    private static BenefitRule? ReadBenefit(MapReader? map, FactReader facts, bool fallback)
    {
        if (map is null)
        {
            return null;
        }

        map.Only("kind", "family", "source", "parameters", "note", "minMonths", "minAge");
        var kindName = map.String("kind", required: true);
        BenefitKind kind = default;
        if (kindName is not null && kindName is not ("pension" or "lump-sum"))
        {
            map.Doc.Error(map.Get("kind"), map.Field("kind"), string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, kindName, "pension|lump-sum"));
            kindName = null;
        }
        else if (kindName == "lump-sum")
        {
            kind = BenefitKind.LumpSum;
        }

        var family = map.String("family", required: true);
        var note = map.String("note");
        IBenefitFormula? formula = null;
        if (family is not null && family != FormulaFamilies.UnknownFamily && !FormulaFamilies.TryGet(family, out formula))
        {
            map.Doc.Error(map.Get("family"), map.Field("family"), string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, family, string.Join("|", FormulaFamilies.Names)));
            family = null;
        }

        if (family == FormulaFamilies.UnknownFamily && note is null)
        {
            map.Doc.Error(map.Node, map.Field("note"), "is required when the family is 'unknown': say what the real rule is and where it is stated");
        }

        var source = map.Has("source") ? facts.Source(map) : null;
        if (family != FormulaFamilies.UnknownFamily && !map.Has("source"))
        {
            map.Missing("source");
        }

        var parameters = new Dictionary<string, FactSeries<ParameterValue>>(StringComparer.Ordinal);
        var pmap = map.Map("parameters");
        if (pmap is not null)
        {
            foreach (var (key, _) in pmap.Node.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                if (formula is not null && !formula.Required.Contains(name) && !formula.Optional.Contains(name))
                {
                    map.Doc.Error(key, pmap.Field(name), string.Format(CultureInfo.InvariantCulture, Messages.UnknownField, string.Join(", ", formula.Required.Concat(formula.Optional))));
                    continue;
                }

                if (facts.Series(pmap, name, FactReader.ParameterValueReader, ["value"]) is { } series)
                {
                    parameters[name] = series;
                }
            }
        }

        if (formula is not null)
        {
            foreach (var required in formula.Required.Where(r => !parameters.ContainsKey(r) && (pmap is null || !pmap.Has(r))))
            {
                map.Doc.Error(pmap?.Node ?? map.Node, (pmap ?? map).Field(pmap is null ? "parameters" : required),
                    pmap is null ? Messages.Required : $"is required by the formula family '{family}'");
            }
        }

        var minMonths = fallback || map.Has("minMonths") ? facts.Series(map, "minMonths", FactReader.IntValue, ["value"]).Unbox() : null;
        var minAge = map.Has("minAge") ? facts.Series(map, "minAge", FactReader.IntValue, ["value"]).Unbox() : null;
        return kindName is null || family is null ? null : new BenefitRule(kind, family, parameters, source, minMonths, minAge, note);
    }

    private static RefundRule? ReadRefund(MapReader map, FactReader facts)
    {
        var who = map.String("who") ?? "non-nationals";
        if (who is not ("non-nationals" or "everyone"))
        {
            map.Doc.Error(map.Get("who"), map.Field("who"), string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, who, "non-nationals|everyone"));
            return null;
        }

        var requiresDeparture = map.Bool("requiresDeparture") ?? true;
        var alsoWhenQualified = map.Bool("alsoWhenQualified") ?? false;
        var nationalities = Countries(map, "nationalities");
        var activities = map.Choices<Activity>("activities", ActivityNames.TryParse, ActivityNames.Accepted);

        var extinguishes = facts.Series(map, "extinguishesPeriods", FactReader.BoolValue, ["value"], required: true).Unbox();

        // The refund's own amount fields share the benefit reader; strip the refund-only fields first.
        var benefitNode = new YamlMappingNode(map.Node.Children.Where(kv =>
            kv.Key is YamlScalarNode { Value: not ("who" or "requiresDeparture" or "extinguishesPeriods" or "activities" or "nationalities" or "alsoWhenQualified") }));
        var benefitMap = MapReader.Of(map.Doc, benefitNode, map.Path);
        var benefit = ReadBenefit(benefitMap, facts, fallback: true);
        return benefit is null || extinguishes is null ? null
            : new RefundRule(benefit, who == "everyone" ? RefundEligibility.Everyone : RefundEligibility.NonNationals, requiresDeparture, extinguishes, activities, nationalities, alsoWhenQualified);
    }

    private static readonly string[] InstrumentFields =
        ["strata", "id", "title", "layer", "binding", "parties", "signed", "inForce", "ended", "personalScope", "sources", "source",
         "ratifications", "provisions", "ratificationDelayMonths", "note", "adopted", "region"];

    private static void ReadInstrument(SourceDocument doc, MapReader root, Pending pending, DateOnly? today)
    {
        root.Only(InstrumentFields);
        var facts = new FactReader(doc, root, today);
        pending.Sources += facts.SourceCount;
        var id = root.String("id", required: true);
        var title = root.String("title", required: true);
        var layerName = root.String("layer", required: true);
        Layer layer = default;
        if (layerName is not null && !Enum.TryParse(layerName, ignoreCase: true, out layer) || layerName == "domestic")
        {
            doc.Error(root.Get("layer"), "layer", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, layerName, "bilateral|regional|international"));
            layerName = null;
        }

        var binding = root.Bool("binding", required: true);
        if (root.String("region") is { } regionRef)
        {
            pending.RegionRefs.Add((regionRef, doc, root.Get("region")!));
        }

        var parties = new List<string>();
        foreach (var (code, node, path) in root.Strings("parties"))
        {
            if (Codes.IsCountry(code))
            {
                parties.Add(code);
            }
            else
            {
                doc.Error(node, path, string.Format(CultureInfo.InvariantCulture, Messages.BadCountry, code));
            }
        }

        var signed = root.Date("signed") ?? root.Date("adopted");
        var inForce = root.Date("inForce");
        var ended = root.Date("ended");
        if (signed is { } s && inForce is { } f && f < s)
        {
            doc.Error(root.Get("inForce"), "inForce", $"({f:yyyy-MM-dd}) is before signature or adoption ({s:yyyy-MM-dd})");
        }

        if (inForce is { } f2 && ended is { } e && e < f2)
        {
            doc.Error(root.Get("ended"), "ended", string.Format(CultureInfo.InvariantCulture, Messages.EndBeforeStart, e, f2));
        }

        if (layer == Layer.Bilateral && layerName is not null && parties.Distinct().Count() != 2)
        {
            doc.Error(root.Get("parties") ?? root.Node, "parties", $"a bilateral instrument has exactly two distinct parties (got {parties.Distinct().Count()})");
        }

        var scopeName = root.String("personalScope") ?? "insured-persons";
        var scope = scopeName switch
        {
            "insured-persons" => PersonalScope.InsuredPersons,
            "nationals-of-parties" => PersonalScope.NationalsOfParties,
            "everyone" => PersonalScope.Everyone,
            _ => (PersonalScope?)null,
        };
        if (scope is null)
        {
            doc.Error(root.Get("personalScope"), "personalScope", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, scopeName, "insured-persons|nationals-of-parties|everyone"));
        }

        var source = facts.Source(root);
        var ratifications = new List<Ratification>();
        foreach (var (node, path) in root.List("ratifications"))
        {
            var map = MapReader.Of(doc, node, path);
            if (map is null)
            {
                continue;
            }

            map.Only("state", "registered", "registeredUnknown", "inForce", "denounced", "branches", "parts", "source", "note");
            var state = map.Country("state", required: true);
            var registered = map.Date("registered");
            var unknownDate = map.String("registeredUnknown");
            if (registered is null && unknownDate is null)
            {
                map.Missing("registered");
            }

            var branches = Branches(map, "branches");
            var rInForce = map.Date("inForce");
            var rDenounced = map.Date("denounced");
            if (registered is { } reg && (signed ?? root.Date("adopted")) is { } adopted && reg < adopted)
            {
                doc.Error(map.Get("registered"), map.Field("registered"), $"({reg:yyyy-MM-dd}) is before the instrument was adopted or signed ({adopted:yyyy-MM-dd})");
            }

            if (registered is { } reg2 && rInForce is { } rf && rf < reg2)
            {
                doc.Error(map.Get("inForce"), map.Field("inForce"), $"({rf:yyyy-MM-dd}) is before the ratification was registered ({reg2:yyyy-MM-dd})");
            }

            if ((rInForce ?? registered) is { } start && rDenounced is { } dn && dn < start)
            {
                doc.Error(map.Get("denounced"), map.Field("denounced"), $"({dn:yyyy-MM-dd}) is before the ratification took effect ({start:yyyy-MM-dd})");
            }

            var rsource = facts.Source(map);
            if (state is not null && rsource is not null && (registered is not null || unknownDate is not null))
            {
                ratifications.Add(new Ratification(state, registered, rInForce, rDenounced, branches, rsource, unknownDate));
            }
        }

        var provisions = new List<Provision>();
        ApplicableLegislationRule? applicable = null;
        var schemeRefs = new List<(string, YamlNode, string)>();
        foreach (var (node, path) in root.List("provisions"))
        {
            var map = MapReader.Of(doc, node, path);
            if (map is null)
            {
                continue;
            }

            if (map.Has("applicableLegislation"))
            {
                map.Only("applicableLegislation", "postingMonths", "extensionMonths", "source", "note");
                var posting = map.Int("postingMonths", required: true);
                var psource = facts.Source(map);
                if (posting is not null && psource is not null)
                {
                    applicable = new ApplicableLegislationRule(posting.Value, map.Int("extensionMonths"), psource);
                }

                continue;
            }

            map.Only("branches", "grants", "calculation", "payHigher", "minimumMonths", "schemes", "source", "note");
            var branches = Branches(map, "branches", required: true);
            var grants = Principle.None;
            foreach (var (g, gnode, gpath) in map.Strings("grants", required: true))
            {
                switch (g)
                {
                    case "equality": grants |= Principle.Equality; break;
                    case "aggregation": grants |= Principle.Aggregation; break;
                    case "export": grants |= Principle.Export; break;
                    default:
                        doc.Error(gnode, gpath, string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, g, "equality|aggregation|export"));
                        break;
                }
            }

            var calcName = map.String("calculation") ?? "pro-rata";
            if (calcName is not ("pro-rata" or "direct" or "pro-rata-minimum"))
            {
                doc.Error(map.Get("calculation"), map.Field("calculation"), string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, calcName, "pro-rata|direct|pro-rata-minimum"));
            }

            var schemes = map.Strings("schemes");
            schemeRefs.AddRange(schemes.Select(x => (x.Value, x.Node, x.Path)));
            var psrc = facts.Source(map);
            if (psrc is not null && branches.Count > 0)
            {
                provisions.Add(new Provision(branches, grants, calcName switch { "direct" => Calculation.Direct, "pro-rata-minimum" => Calculation.ProRataOnMinimum, _ => Calculation.ProRata },
                    map.Bool("payHigher") ?? false, map.Int("minimumMonths"), schemes.Select(x => x.Value), psrc));
            }
        }


        if (id is null || title is null || layerName is null || binding is null || scope is null || source is null)
        {
            return;
        }

        if (ClaimId(pending, doc, root, id))
        {
            pending.Instruments.Add((new Instrument(id, title, layer, binding.Value, parties, signed, inForce, ended, scope.Value, ratifications,
                provisions, applicable, source, root.Int("ratificationDelayMonths"), root.String("region")), doc, root.Node, schemeRefs));
        }
    }

    private static void ReadFloor(SourceDocument doc, MapReader root, Pending pending, DateOnly? today)
    {
        root.Only("strata", "country", "sources", "guarantees", "note");
        var facts = new FactReader(doc, root, today);
        pending.Sources += facts.SourceCount;
        var country = root.Country("country", required: true);
        var map = root.Map("guarantees", required: true);
        var guarantees = new Dictionary<Floors.Guarantee, FactSeries<Floors.FloorStatus>>();
        if (map is not null)
        {
            map.Only("health", "children", "working-age", "older-persons");
            foreach (var g in Enum.GetValues<Floors.Guarantee>())
            {
                var name = Floors.SocialProtectionFloor.Name(g);
                var series = facts.Series(map, name, m =>
                {
                    var value = m.String("value", required: true);
                    var note = m.String("note", required: true);
                    Floors.FloorAccess? access = value switch { "yes" => Floors.FloorAccess.Yes, "partial" => Floors.FloorAccess.Partial, "no" => Floors.FloorAccess.No, _ => null };
                    if (value is not null && access is null)
                    {
                        m.Doc.Error(m.Get("value"), m.Field("value"), string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, value, "yes|partial|no"));
                    }

                    return access is null || note is null ? null : new Floors.FloorStatus(access.Value, note);
                }, ["value"]);
                if (series is not null)
                {
                    guarantees[g] = series;
                }
                else
                {
                    map.Missing(name);
                }
            }
        }

        if (country is not null && ClaimId(pending, doc, root, "floor:" + country))
        {
            pending.CountryRefs.Add((country, doc, root.Get("country")!, "country"));
            pending.Floors.Add(new Floors.SocialProtectionFloor(country, guarantees));
        }
    }

    private static void ReadRegion(SourceDocument doc, MapReader root, Pending pending, DateOnly? today)
    {
        root.Only("strata", "id", "name", "sources", "source", "members", "note");
        var facts = new FactReader(doc, root, today);
        pending.Sources += facts.SourceCount;
        var id = root.String("id", required: true);
        var name = root.String("name", required: true);
        var members = new List<Regions.Membership>();
        foreach (var (node, path) in root.List("members", required: true))
        {
            var map = MapReader.Of(doc, node, path);
            if (map is null)
            {
                continue;
            }

            map.Only("state", "from", "to", "source", "note");
            var state = map.Country("state", required: true);
            var from = map.Date("from", required: true);
            var to = map.Date("to");
            if (from is { } f && to is { } t && t < f)
            {
                doc.Error(map.Get("to"), map.Field("to"), string.Format(CultureInfo.InvariantCulture, Messages.EndBeforeStart, t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                continue;
            }

            var source = facts.Source(map);
            if (state is not null && from is not null && source is not null)
            {
                members.Add(new Regions.Membership(state, new ValidityPeriod(from, to), source));
            }
        }

        if (id is not null && name is not null && ClaimId(pending, doc, root, "region:" + id))
        {
            pending.Regions.Add(new Regions.Region(id, name, members));
        }
    }

    private static List<Branch> Branches(MapReader map, string key, bool required = false) =>
        map.Choices<Branch>(key, BranchNames.TryParse, BranchNames.Accepted, required);

    private static KnowledgeBase? CrossCheck(Pending pending, List<Problem> problems)
    {
        var countries = pending.Countries.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (country, doc, node, field) in pending.CountryRefs.Where(r => !countries.Contains(r.Country)))
        {
            problems.Add(new Problem(doc.File, (int)node.Start.Line, field,
                string.Format(CultureInfo.InvariantCulture, Messages.UnknownReference, "country", country) + $" (add countries/{country}/country.yaml)"));
        }

        var schemeIds = pending.Schemes.Select(s => s.Scheme.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (instrument, doc, _, refs) in pending.Instruments)
        {
            foreach (var (scheme, node, path) in refs.Where(r => !schemeIds.Contains(r.Scheme)))
            {
                problems.Add(new Problem(doc.File, (int)node.Start.Line, path, string.Format(CultureInfo.InvariantCulture, Messages.UnknownReference, "scheme", scheme)));
            }

            _ = instrument;
        }

        var regionIds = pending.Regions.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (region, doc, node) in pending.RegionRefs.Where(r => !regionIds.Contains(r.Region)))
        {
            problems.Add(new Problem(doc.File, (int)node.Start.Line, "region", string.Format(CultureInfo.InvariantCulture, Messages.UnknownReference, "region", region)));
        }

        return problems.Count > 0 ? null
            : new KnowledgeBase(pending.Countries, pending.Schemes.Select(s => s.Scheme), pending.Instruments.Select(i => i.Instrument), pending.Regions, pending.Floors);
    }
}
