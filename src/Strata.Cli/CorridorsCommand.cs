using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Strata.Cli.Charts;
using Strata.Corridors;
using Strata.Evaluation;
using Strata.Knowledge.Contracts;
using Strata.Knowledge.Data;
using Strata.Knowledge.Loading;
using Strata.Law;

namespace Strata.Cli;

/// <summary><c>strata corridors --origins … --destinations …</c>: every corridor as a table, CSV, JSON, a heatmap and weighted regime shares.</summary>
internal static class CorridorsCommand
{
    private static readonly Branch[] MainBranches = [Branch.OldAge, Branch.Invalidity, Branch.Survivors, Branch.EmploymentInjury];

    public static Command Create()
    {
        var origins = new Option<string>("--origins") { Description = "Origins: ISO codes and region ids, comma-separated (e.g. asean or PH,ID)", DefaultValueFactory = _ => "asean" };
        var destinations = new Option<string>("--destinations") { Description = "Destinations: ISO codes and region ids (e.g. asean,JP,KR,SA,AE,HK,TW,QA,KW)", DefaultValueFactory = _ => string.Join(",", ["asean", .. CorridorAnalysis.DestinationsBeyondAsean]) };
        var date = new Option<string?>("--date") { Description = "Analysis date (default: today)" };
        var profile = new Option<string>("--profile", "-p") { Description = "A profile id, or all", DefaultValueFactory = _ => "all" };
        var output = new Option<string>("--output", "-o") { Description = "Folder for corridors.csv, corridors.json, heatmap.svg/png and weighted.md", DefaultValueFactory = _ => "corridors-out" };
        var knowledge = KnowledgeOption.Create();
        var reform = KnowledgeOption.CreateReform();
        var command = new Command("corridors", "Every origin–destination pair: regimes and gaps per branch as a table, CSV, JSON, a heatmap (SVG and PNG), and migrants weighted by regime")
        {
            origins, destinations, date, profile, output, knowledge, reform,
        };
        command.SetAction(parse => Run(parse.GetValue(origins)!, parse.GetValue(destinations)!, parse.GetValue(date), parse.GetValue(profile)!,
            parse.GetValue(output)!, parse.GetValue(knowledge)!, parse.GetValue(reform) ?? []));
        return command;
    }

    internal static List<string>? Resolve(KnowledgeBase kb, string list, DateOnly date, string option, List<string> problems)
    {
        var result = new List<string>();
        foreach (var token in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (kb.Regions.TryGetValue(token.ToLowerInvariant(), out var region))
            {
                result.AddRange(region.MembersOn(date));
            }
            else if (Codes.IsCountry(token.ToUpperInvariant()))
            {
                result.Add(token.ToUpperInvariant());
            }
            else
            {
                problems.Add($"{option}: '{token}' is neither an ISO 3166-1 alpha-2 code nor a region ({string.Join(", ", kb.Regions.Keys.Order(StringComparer.Ordinal))})");
            }
        }

        return [.. result.Distinct()];
    }

    private static int Run(string originList, string destinationList, string? dateText, string profileId, string output, string knowledgeDirectory,
        string[] reforms)
    {
        var problems = new List<string>();
        if (!CorridorCommand.TryDate(dateText, out var date))
        {
            problems.Add($"--date: '{dateText}' is not a date (expected YYYY-MM-DD)");
        }

        var profiles = profileId == "all" ? CareerProfile.BuiltIn : CareerProfile.BuiltIn.Where(p => p.Id == profileId).ToArray();
        if (profiles.Count == 0)
        {
            problems.Add($"--profile: '{profileId}' is not one of all, {string.Join(", ", CareerProfile.BuiltIn.Select(p => p.Id))}");
        }

        var kb = problems.Count == 0 ? KnowledgeOption.Load(knowledgeDirectory, Console.Error, reforms) : null;
        var baseline = kb is not null && reforms.Length > 0 ? KnowledgeOption.Load(knowledgeDirectory, TextWriter.Null) : null;
        if (kb is null)
        {
            problems.ForEach(p => Console.Error.WriteLine($"error: {p}"));
            return ExitCodes.BadInput;
        }

        var origins = Resolve(kb, originList, date, "--origins", problems)!;
        var destinations = Resolve(kb, destinationList, date, "--destinations", problems)!;
        if (problems.Count > 0)
        {
            problems.ForEach(p => Console.Error.WriteLine($"error: {p}"));
            return ExitCodes.BadInput;
        }

        var stock = DataFiles.Stock();
        var wages = DataFiles.Wages();
        var pairs = (from p in profiles from o in origins from d in destinations where o != d select (Profile: p, Origin: o, Destination: d)).ToArray();
        var watch = Stopwatch.StartNew();
        var reports = CorridorAnalysis.AnalyseAll(kb, pairs, date, wages.Of);
        watch.Stop();

        Directory.CreateDirectory(output);
        OutputFile.Write(Path.Combine(output, "corridors.csv"), Csv(reports, stock));
        OutputFile.Write(Path.Combine(output, "corridors.json"), JsonSerializer.Serialize(new
        {
            strata = "corridors/v1",
            date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            origins,
            destinations,
            corridors = reports.Select(CorridorJson.From),
        }, DeterminationDocument.JsonOptions));

        var documented = profiles.FirstOrDefault(p => p.Id == "documented-5y-return") ?? profiles[0];
        var byKey = reports.Where(r => r.Profile == documented).ToDictionary(r => (r.Origin, r.Destination));
        var (svg, png) = RegimeHeatmap.Render(origins, destinations, MainBranches,
            (o, d, b) => o == d ? null : byKey[(o, d)].Branches.First(f => f.Branch == b).Regime,
            "Portability regimes by corridor and branch",
            $"Worker profile: {documented.Description}. Law as of {date:yyyy-MM-dd}.",
            "Each cell: the regime of a worker from the row's country working in the column's country, found by evaluating the profile's career through Strata's knowledge base (same rules as strata evaluate). " +
            "Regimes after Holzmann & Wels (2020). '?' means Strata does not know whether the destination insures the worker; blank cells are the same country.");
        OutputFile.Write(Path.Combine(output, "heatmap.svg"), svg);
        OutputFile.Write(Path.Combine(output, "heatmap.png"), png);
        var weighted = Weighted(reports, stock, wages, origins, destinations, date, watch.Elapsed, pairs.Length);
        if (baseline is not null)
        {
            var before = CorridorAnalysis.AnalyseAll(baseline, pairs, date, wages.Of);
            weighted = Compare(before, reports, stock, reforms) + weighted;
        }
        OutputFile.Write(Path.Combine(output, "weighted.md"), weighted);

        Console.Out.WriteLine(weighted);
        Console.Error.WriteLine($"wrote corridors.csv, corridors.json, heatmap.svg, heatmap.png, weighted.md to {Path.GetFullPath(output)}");
        return ExitCodes.Ok;
    }

    private static string Verdict(Answer a) => a.Verdict switch
    {
        Corridors.Verdict.Yes => "yes",
        Corridors.Verdict.No => "no",
        Corridors.Verdict.Unknown => "unknown",
        _ => "n/a",
    };

    private static string Csv(IEnumerable<CorridorReport> reports, MigrantStock stock)
    {
        static string Q(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        var sb = new StringBuilder("profile,origin,destination,migrants_2019,branch,covered,covered_layer,equal_treatment,aggregation,aggregation_layer,paid_after_return,export_layer,refund,regime,regime_reason,instruments,gaps\n");
        foreach (var r in reports)
        {
            foreach (var f in r.Branches)
            {
                var instruments = string.Join(' ', f.Covered.Instruments.Concat(f.Aggregation.Instruments).Concat(f.Export.Instruments).Distinct());
                sb.Append(CultureInfo.InvariantCulture,
                    $"{r.Profile.Id},{r.Origin},{r.Destination},{stock.Of(r.Origin, r.Destination)},{f.Branch.ToName()},{Verdict(f.Covered)},{f.Covered.Layer.ToName()},{Verdict(f.EqualTreatment)},{Verdict(f.Aggregation)},{f.Aggregation.Layer.ToName()},{Verdict(f.Export)},{f.Export.Layer.ToName()},{Verdict(f.Refund)},{(f.Regime == Regime.Unknown ? "unknown" : f.Regime)},{Q(f.RegimeReason)},{Q(instruments)},{Q(string.Join(" | ", f.Gaps))}\n");
            }
        }

        return sb.ToString();
    }

    private static string Weighted(CorridorReport[] reports, MigrantStock stock, IllustrativeWages wages, IReadOnlyList<string> origins, IReadOnlyList<string> destinations, DateOnly date,
        TimeSpan elapsed, int corridors)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Portability regimes weighted by migrants (UN DESA 2019)\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Origins: {string.Join(", ", origins)}. Destinations: {string.Join(", ", destinations)}. Law as of {date:yyyy-MM-dd}. ");
        sb.Append(CultureInfo.InvariantCulture, $"{corridors:N0} corridor analyses (each four evaluations: an injury or death at work and an old-age claim, for the migrant and for a national benchmark) in {elapsed.TotalSeconds:N2} s on {Environment.ProcessorCount} cores.\n\n");
        var totalStock = reports.Select(r => (r.Origin, r.Destination)).Distinct().Sum(p => stock.Of(p.Origin, p.Destination));
        sb.Append(CultureInfo.InvariantCulture, $"Migrants in these corridors in 2019: {totalStock:N0} (UN DESA International Migrant Stock 2019; Taiwan is not in the UN matrix, so its corridors weigh nothing).\n\n");
        foreach (var profile in reports.Select(r => r.Profile).Distinct())
        {
            sb.Append(CultureInfo.InvariantCulture, $"## Profile {profile.Id}\n\n{profile.Description}.\n\n| branch | I | II | III | IV | unknown |\n|---|---:|---:|---:|---:|---:|\n");
            foreach (var branch in MainBranches)
            {
                var shares = new Dictionary<Regime, long>();
                foreach (var r in reports.Where(r => r.Profile == profile))
                {
                    var regime = r.Branches.First(f => f.Branch == branch).Regime;
                    shares[regime] = shares.GetValueOrDefault(regime) + stock.Of(r.Origin, r.Destination);
                }

                var sum = Math.Max(1, shares.Values.Sum());
                string Pct(Regime g) => (100.0 * shares.GetValueOrDefault(g) / sum).ToString("0.0", CultureInfo.InvariantCulture) + "%";
                sb.Append(CultureInfo.InvariantCulture, $"| {branch.ToName()} | {Pct(Regime.I)} | {Pct(Regime.II)} | {Pct(Regime.III)} | {Pct(Regime.IV)} | {Pct(Regime.Unknown)} |\n");
            }

            sb.Append('\n');
            if (profile.Id == "documented-5y-return")
            {
                sb.Append("### What a 5-year documented career in the destination becomes (old age), weighted by migrants\n\n| fate of the destination's months | migrants | share |\n|---|---:|---:|\n");
                var fates = new Dictionary<string, long>();
                foreach (var r in reports.Where(r => r.Profile == profile))
                {
                    var fate = Fate(r.Branches.First(f => f.Branch == Branch.OldAge));
                    fates[fate] = fates.GetValueOrDefault(fate) + stock.Of(r.Origin, r.Destination);
                }

                var all = Math.Max(1, fates.Values.Sum());
                foreach (var (fate, n) in fates.OrderByDescending(f => f.Value))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"| {fate} | {n:N0} | {100.0 * n / all:0.0}% |\n");
                }

                sb.Append("""

                    Largest corridors. "Paid for the 60 months" is what the destination pays for them at an illustrative wage
                    (GNI per capita ÷ 12, World Bank; see data/wb-wdi/SOURCE.md), in its currency and in US$ at the same
                    year's exchange rate; "contribution months lost" are the destination months that end in no pension.

                    | corridor | migrants 2019 | old-age regime | the 60 months become | paid for the 60 months | in US$ | contribution months lost |
                    |---|---:|---|---|---:|---:|---:|

                    """);
                foreach (var r in reports.Where(r => r.Profile == profile).OrderByDescending(r => stock.Of(r.Origin, r.Destination)).Take(20))
                {
                    var f = r.Branches.First(x => x.Branch == Branch.OldAge);
                    var (paid, usd) = Paid(f, wages, r.Destination);
                    var lost = f.Destination.Any(d => d.Outcome == Outcome.Pension) ? 0 : f.Destination.Select(d => d.Periods.Own).DefaultIfEmpty().Max();
                    sb.Append(CultureInfo.InvariantCulture, $"| {r.Origin}→{r.Destination} | {stock.Of(r.Origin, r.Destination):N0} | {f.Regime} | {Fate(f)} | {paid} | {usd} | {lost} |\n");
                }

                sb.Append('\n');
            }
        }

        sb.Append("""
            ## Beside Holzmann & Wels

            Holzmann & Wels (2020, International Social Security Review 73(1)) put the world's migrants in 2013 at 23.3% in
            regime I, 53.2% in II, 9.4% in III and 14.0% in IV. The shares above differ for reasons of method, not only of law:
            they cover ASEAN origins only, in the destinations listed; each corridor is weighted by its whole 2019 migrant stock
            under one career profile, whereas Holzmann & Wels split each corridor's stock into documented and undocumented
            migrants (the UN stock does not say who is undocumented, so regime IV appears only under the undocumented
            profile); a branch whose destination law Strata does not know is counted as unknown rather than guessed; and
            within ASEAN there is no binding agreement, so regime I comes only from ILO conventions and the few bilateral
            agreements (Japan–Philippines, Korea–Philippines, Korea–Viet Nam).

            """);
        return sb.ToString();
    }

    /// <summary>Regime shares before and after a reform, weighted by migrants, and the corridors whose regime changes.</summary>
    private static string Compare(CorridorReport[] before, CorridorReport[] after, MigrantStock stock, string[] reforms)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# What the reform changes: {string.Join(", ", reforms.Select(Path.GetFileName))}\n\n");
        sb.Append("Same careers, same rules; only the law differs (the reform's files added to the knowledge base).\n\n");
        foreach (var profile in after.Select(r => r.Profile).Distinct())
        {
            sb.Append(CultureInfo.InvariantCulture, $"## Profile {profile.Id}\n\n| branch | regime I before | regime I after | migrants moving to regime I | corridors changed |\n|---|---:|---:|---:|---:|\n");
            foreach (var branch in MainBranches)
            {
                long total = 0, i0 = 0, i1 = 0, moved = 0;
                var changed = 0;
                foreach (var (b, a) in before.Where(r => r.Profile == profile).Zip(after.Where(r => r.Profile == profile)))
                {
                    var n = stock.Of(a.Origin, a.Destination);
                    var rb = b.Branches.First(f => f.Branch == branch).Regime;
                    var ra = a.Branches.First(f => f.Branch == branch).Regime;
                    total += n;
                    i0 += rb == Regime.I ? n : 0;
                    i1 += ra == Regime.I ? n : 0;
                    moved += rb != Regime.I && ra == Regime.I ? n : 0;
                    changed += rb != ra ? 1 : 0;
                }

                var t = Math.Max(1, total);
                sb.Append(CultureInfo.InvariantCulture, $"| {branch.ToName()} | {100.0 * i0 / t:0.0}% | {100.0 * i1 / t:0.0}% | {moved:N0} | {changed} |\n");
            }

            // Moves out of regime III (insured at last) or between II and unknown matter as much as moves into I.
            var moves = MainBranches.SelectMany(branch => before.Where(r => r.Profile == profile).Zip(after.Where(r => r.Profile == profile))
                    .Select(p => (Branch: branch, From: p.First.Branches.First(f => f.Branch == branch).Regime,
                        To: p.Second.Branches.First(f => f.Branch == branch).Regime, Migrants: stock.Of(p.Second.Origin, p.Second.Destination))))
                .Where(m => m.From != m.To)
                .GroupBy(m => (m.Branch, m.From, m.To))
                .Select(g => (g.Key.Branch, g.Key.From, g.Key.To, Migrants: g.Sum(m => m.Migrants), Corridors: g.Count()))
                .OrderBy(m => m.Branch).ThenByDescending(m => m.Migrants)
                .ToArray();
            if (moves.Length > 0)
            {
                sb.Append("\n| branch | regime before | regime after | migrants | corridors |\n|---|---|---|---:|---:|\n");
                foreach (var m in moves)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"| {m.Branch.ToName()} | {(m.From == Regime.Unknown ? "unknown" : m.From)} | {(m.To == Regime.Unknown ? "unknown" : m.To)} | {m.Migrants:N0} | {m.Corridors} |\n");
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>What the destination pays for the profile's months (refund, lump sum or monthly pension), in its currency and in US$.</summary>
    private static (string Paid, string Usd) Paid(BranchFinding f, IllustrativeWages wages, string destination)
    {
        var due = f.Destination.Where(d => d.Outcome is Outcome.Pension or Outcome.LumpSum or Outcome.Refund).ToArray();
        if (due.Length == 0)
        {
            return f.Covered.Verdict == Corridors.Verdict.Unknown ? ("unknown", "") : ("nothing", "0");
        }

        if (due.Any(d => d.Amount is null))
        {
            return ("amount unknown", "");
        }

        var inv = CultureInfo.InvariantCulture;
        var perMonth = due.Any(d => d.Amount!.Value.PerMonth);
        var total = due.Sum(d => d.Amount!.Value.Value);
        var currency = due[0].Amount!.Value.Currency;
        var partial = due.Any(d => d.Amount!.Value.Partial) ? " + interest not known" : "";
        var text = string.Format(inv, "{0:N0} {1}{2}{3}", total, currency, perMonth ? " a month" : " once", partial);
        var usd = wages.Basis(destination) is { Rate: > 0 } basis && due.All(d => d.Amount!.Value.Currency == currency)
            ? string.Format(inv, "{0:N0}{1}", total / basis.Rate, perMonth ? " a month" : "")
            : "";
        return (text, usd);
    }

    private static string Fate(BranchFinding f)
    {
        var due = f.Destination.Where(d => d.Scheme is not null).ToArray();
        if (f.Covered.Verdict == Corridors.Verdict.No)
        {
            return "not insured";
        }

        if (due.Any(d => d.Outcome == Outcome.Pension))
        {
            return due.Any(d => d.Outcome == Outcome.Pension && d.AggregatedUnder is not null && d.Instruments.Count > 0) ? "a pension thanks to aggregation" : "a pension";
        }

        if (due.Any(d => d.Outcome == Outcome.Refund))
        {
            return "a refund (the periods end)";
        }

        if (due.Any(d => d.Outcome == Outcome.LumpSum))
        {
            return "a lump sum (grant, gratuity or provident balance)";
        }

        if (due.Any(d => d.Outcome == Outcome.Unknown) || f.Covered.Verdict == Corridors.Verdict.Unknown)
        {
            return "unknown";
        }

        return "nothing";
    }
}
