using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using Strata.Cli.Charts;
using Strata.Knowledge.Cases;
using Strata.Knowledge.Contracts;
using Strata.Law;
using Strata.Simulation;
using static Strata.Cli.Charts.Drawing;

namespace Strata.Cli;

/// <summary>The outputs of a simulation: console table, Markdown report, CSV and Parquet tables, a chart and the mergeable partial.</summary>
internal sealed class SimulationReport(SimulationSetup setup, IReadOnlyList<string?> shards, SimulationTally tally, double seconds, string? where,
    PopulationAssumptions? assumptions)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private string ReformName => string.Join(" + ", setup.Reforms.Select(r => Path.GetFileName(r.TrimEnd('/', '\\'))));

    public void WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "simulation.md", Markdown());
        Write(folder, "corridors.csv", CorridorsCsv());
        Write(folder, "transitions.csv", TransitionsCsv());
        Write(folder, "payers.csv", PayersCsv());
        Write(folder, "partial.json", SimulationPartial.Write(setup, shards.Count == 1 ? shards[0] : null, tally, seconds));
        var (svg, png) = Chart();
        Write(folder, "gains.svg", svg);
        OutputFile.Write(Path.Combine(folder, "gains.png"), png);
        WriteParquet(Path.Combine(folder, "corridors.parquet"));
        WriteExamples(Path.Combine(folder, "examples"));
    }

    /// <summary>The example careers written: the changes of fate that concern the most migrants, one career each.</summary>
    private IReadOnlyList<(string File, (string Origin, string Destination, Branch Branch, Role Role, Fate Before, Fate After) Key, decimal Migrants, PopulationMember Member)> ExampleFiles() =>
        [.. tally.Examples
            .Select(e => (Key: e.Key, Member: e.Value,
                Migrants: tally.Corridors.TryGetValue((e.Key.Origin, e.Key.Destination, e.Key.Branch), out var t) ? t.Transitions.GetValueOrDefault((e.Key.Role, e.Key.Before, e.Key.After)) : 0m))
            .OrderByDescending(e => e.Migrants).ThenBy(e => e.Member.Id).Take(40)
            .Select(e => ($"{e.Key.Origin}-{e.Key.Destination}-{e.Key.Branch.ToName()}-{(e.Key.Role == Role.Origin ? "origin" : "destination")}-{e.Key.Before.ToName()}-to-{e.Key.After.ToName()}.yaml",
                e.Key, e.Migrants, e.Member))];

    private void WriteExamples(string folder)
    {
        var files = ExampleFiles();
        if (files.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        // The folder is this command's: examples of an earlier run must not pass for this run's.
        foreach (var old in Directory.EnumerateFiles(folder, "*.yaml"))
        {
            File.Delete(old);
        }

        foreach (var (file, key, migrants, member) in files)
        {
            var (oldAge, risks) = ReformSimulation.Cases(member, setup.Date);
            var state = key.Role == Role.Origin ? key.Origin : key.Destination;
            var reforms = string.Concat(setup.Reforms.Select(r => $" --reform {r}"));
            string[] comment =
            [
                $"Example career from strata simulate (person {member.Id}, standing for {member.Weight:N0} migrants): one of {N(migrants)} migrants",
                $"from {key.Origin} in {key.Destination} whose {key.Branch.ToName()} outcome in {state} is {key.Before.ToName()} under today's law",
                $"and {key.After.ToName()} under {ReformName}, both judged under the law of {setup.Date:yyyy-MM-dd}. See why (from this file's folder):",
                $"  strata evaluate {file} --as-of {setup.Date:yyyy-MM-dd}",
                $"  strata evaluate {file} --as-of {setup.Date:yyyy-MM-dd}{reforms}",
            ];
            Write(folder, file, CaseFile.Write(key.Branch == Branch.OldAge ? oldAge : risks, comment));
        }
    }

    private string ExampleTable()
    {
        var files = ExampleFiles();
        if (files.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder("## Example careers\n\nFor each change of fate below, one generated career that shows it, as a case file in `examples/`: run it through `strata evaluate` with and without the reform (the commands are at the top of each file) to read, step by step and with sources, why the answer changes. The changes concerning the most migrants come first.\n\n");
        sb.Append("| corridor | branch | state | today | with the reform | migrants | case file |\n|---|---|---|---|---|---:|---|\n");
        foreach (var (file, key, migrants, _) in files)
        {
            sb.Append(Inv, $"| {key.Origin}→{key.Destination} | {key.Branch.ToName()} | {(key.Role == Role.Origin ? key.Origin : key.Destination)} | {key.Before.ToName()} | {key.After.ToName()} | {N(migrants)} | `examples/{file}` |\n");
        }

        return sb.Append('\n').ToString();
    }

    private static void Write(string folder, string name, string text) => OutputFile.Write(Path.Combine(folder, name), text);

    private static string M(decimal usd) => (usd / 1_000_000m).ToString("N1", Inv);

    private static string N(decimal n) => Math.Round(n).ToString("N0", Inv);

    private static string Pct(decimal part, decimal whole) => whole == 0 ? "—" : (100 * part / whole).ToString("0.0", Inv) + "%";

    private string Speed()
    {
        var rate = seconds > 0 ? tally.Members / seconds : 0;
        var how = where is not null ? " " + where : shards.Count > 1 ? $" summed over {shards.Count} shards" : "";
        return string.Format(Inv, "{0:N0} careers ({1:N0} periods) through both laws in {2:N2} s{3}: {4:N0} careers/s (each career is an old-age claim and a risk contingency under each law; for {5:N0} careers ({6}) the reform changes no law of their states, so the baseline's answers stand for both).",
            tally.Members, tally.Periods, seconds, how, rate, tally.Reused, Pct(tally.Reused, tally.Members));
    }

    private string Check() => tally.Checked == 0
        ? setup.CheckEvery == 0 ? "Explain-path check: none (--check-every 0)." : $"Explain-path check: no career of this run has an id that is a multiple of {setup.CheckEvery}, so none was checked."
        : string.Format(Inv, "Explain-path check: {0:N0} careers re-evaluated with explanations under both laws, {1} disagreement(s) with the fast path.", tally.Checked, tally.Mismatches.Count);

    /// <summary>
    /// Migrants whose periods in a state keep their value (a pension or a lump sum by right), and those whose outcome there
    /// Strata does not know, before and after.
    /// </summary>
    private static (decimal Before, decimal After, decimal UnknownBefore, decimal UnknownAfter) Keeps(BranchTally t, Role role)
    {
        decimal before = 0, after = 0, unknownBefore = 0, unknownAfter = 0;
        foreach (var ((r, b, a), w) in t.Transitions)
        {
            if (r == role)
            {
                before += b.KeepsPeriods() ? w : 0;
                after += a.KeepsPeriods() ? w : 0;
                unknownBefore += b == Fate.Unknown ? w : 0;
                unknownAfter += a == Fate.Unknown ? w : 0;
            }
        }

        return (before, after, unknownBefore, unknownAfter);
    }

    private static string Usd(decimal total, decimal workers) => workers == 0 ? "—" : (total / workers).ToString("N0", Inv);

    private string BranchTable()
    {
        var sb = new StringBuilder();
        sb.Append("| branch | migrants | outcome changes | better off | worse off | becomes unknown | becomes known | periods in the destination keep their value (unknown) | contribution months rescued | average monthly pension paid where they live, US$ |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|---|---:|---|\n");
        foreach (var branch in SimulationSettings.Branches)
        {
            var t = tally.Total(branch);
            var (kb, ka, ub, ua) = Keeps(t, Role.Destination);
            sb.Append(Inv, $"| {branch.ToName()} | {N(t.Workers)} | {N(t.Changed)} ({Pct(t.Changed, t.Workers)}) | {N(t.Better)} | {N(t.Worse)} | {N(t.BecameUnknown)} | {N(t.BecameKnown)} | {Pct(kb, t.Workers)} ({Pct(ub, t.Workers)}) → {Pct(ka, t.Workers)} ({Pct(ua, t.Workers)}) | {N(t.MonthsRescued)} | {Usd(t.MonthlyBefore, t.Workers)} → {Usd(t.MonthlyAfter, t.Workers)} |\n");
        }

        return sb.ToString();
    }

    private string ValueLine()
    {
        var t = tally.Total(Branch.OldAge);
        return string.Format(Inv,
            "Old age, present value on {0:yyyy-MM-dd} at {1:0.##}% a year, pensions paid {2} years from 65: US$ {3} m before, US$ {4} m after (change US$ {5} m); {6} migrants gain value, {7} lose value. Values are compared only in the states where both runs know the outcome and its amount: for {9} migrants an outcome known today becomes unknown under the reform (the reform relies on law Strata does not hold, e.g. periods in a state whose scheme is not known to operate), and for {8} a benefit's amount or its currency's rate is not known in one of the runs; those states are left out of the values rather than counted as gains or losses.",
            setup.Date, setup.DiscountRate * 100, setup.PensionYears, M(t.ValueBefore), M(t.ValueAfter), M(t.ValueAfter - t.ValueBefore), N(t.ValueGainers), N(t.ValueLosers), N(t.AmountUnknown), N(t.BecameUnknown));
    }

    private List<(string Payer, PayerTally Old, decimal Change)> PayerRows() =>
        [.. tally.Payers.Where(p => p.Key.Branch == Branch.OldAge)
            .Select(p => (p.Key.Payer, Old: p.Value, Change: p.Value.ValueAfter - p.Value.ValueBefore))
            .OrderByDescending(p => Math.Abs(p.Change)).ThenBy(p => p.Payer, StringComparer.Ordinal)];

    private string PayerTable(int top)
    {
        var sb = new StringBuilder();
        sb.Append("| paying state | old-age payments, present value US$ m (before → after) | change US$ m | pensions | lump sums (grants, provident fund balances) | refunds |\n|---|---|---:|---|---|---|\n");
        foreach (var (payer, p, change) in PayerRows().Take(top))
        {
            sb.Append(Inv, $"| {payer} | {M(p.ValueBefore)} → {M(p.ValueAfter)} | {M(change)} | {M(p.PensionsBefore)} → {M(p.PensionsAfter)} | {M(p.LumpSumsBefore)} → {M(p.LumpSumsAfter)} | {M(p.RefundsBefore)} → {M(p.RefundsAfter)} |\n");
        }

        return sb.ToString();
    }

    private string CorridorTable(int top)
    {
        var sb = new StringBuilder();
        sb.Append("| corridor | migrants | old-age outcome changes | better off | worse off | becomes unknown | months rescued | present value change US$ m |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (key, t) in tally.Corridors.Where(c => c.Key.Branch == Branch.OldAge)
                     .OrderByDescending(c => c.Value.Changed).ThenBy(c => c.Key.Origin, StringComparer.Ordinal).ThenBy(c => c.Key.Destination, StringComparer.Ordinal).Take(top))
        {
            sb.Append(Inv, $"| {key.Origin}→{key.Destination} | {N(t.Workers)} | {N(t.Changed)} ({Pct(t.Changed, t.Workers)}) | {N(t.Better)} | {N(t.Worse)} | {N(t.BecameUnknown)} | {N(t.MonthsRescued)} | {M(t.ValueAfter - t.ValueBefore)} |\n");
        }

        return sb.ToString();
    }

    private string TransitionTable(Branch branch, int top)
    {
        var moves = new Dictionary<(Role, Fate, Fate), decimal>();
        foreach (var (key, t) in tally.Corridors.Where(c => c.Key.Branch == branch))
        {
            foreach (var (k, w) in t.Transitions.Where(x => x.Key.Before != x.Key.After))
            {
                moves[k] = moves.GetValueOrDefault(k) + w;
            }
        }

        var sb = new StringBuilder();
        sb.Append("| state | before | after | migrants |\n|---|---|---|---:|\n");
        foreach (var ((role, b, a), w) in moves.OrderByDescending(m => m.Value).ThenBy(m => m.Key).Take(top))
        {
            sb.Append(Inv, $"| {(role == Role.Origin ? "origin" : "destination")} | {b.ToName()} | {a.ToName()} | {N(w)} |\n");
        }

        return moves.Count == 0 ? "No outcome changes.\n" : sb.ToString();
    }

    public string Console()
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"Reform {ReformName}, law of {setup.Date:yyyy-MM-dd}; {setup.Population}.\n");
        sb.Append(Speed()).Append('\n').Append(Check()).Append("\n\n");
        sb.Append("Who gains (migrants, weighted by UN DESA 2019 stocks when the population is synthetic):\n\n").Append(BranchTable()).Append('\n');
        sb.Append(ValueLine()).Append("\n\nWho pays (old age, the ten largest changes):\n\n").Append(PayerTable(10)).Append('\n');
        sb.Append("Corridors where most workers' old-age outcome changes:\n\n").Append(CorridorTable(10));
        return sb.ToString();
    }

    public string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"# Reform simulation: {ReformName}\n\n");
        sb.Append(Inv, $"Law of {setup.Date:yyyy-MM-dd}, baseline (the knowledge base as shipped) against the knowledge base with `{string.Join("`, `", setup.Reforms)}` applied. Population: {setup.Population}.");
        if (shards.Count > 1)
        {
            sb.Append(Inv, $" Merged from {shards.Count} shards ({string.Join(", ", shards.Select(s => s ?? "whole"))}).");
        }

        sb.Append("\n\n").Append(Speed()).Append(' ').Append(Check()).Append("\n\n");
        sb.Append("## Who gains\n\n").Append(BranchTable()).Append('\n').Append(ValueLine()).Append("\n\n");
        sb.Append("*Better off*: the fate in some state improves and none worsens, in the order pension paid where the person lives > lump sum > refund > pension not paid where the person lives > nothing; a change to or from *unknown* is neither (it is counted under *becomes unknown* or *becomes known*). ");
        sb.Append("*Months rescued*: contribution months that ended in a refund or in nothing and now count for a pension or a lump sum by right (× migrants). ");
        sb.Append("Average monthly pensions are over all migrants of the branch (0 for those without one), summed over the states that pay them. ");
        sb.Append("For invalidity, survivors and employment injury they are what would be paid if the contingency happened on the last day of work in the destination; they are not expected costs, because Strata holds no incidence rates.\n\n");
        foreach (var branch in SimulationSettings.Branches)
        {
            sb.Append(Inv, $"### {branch.ToName()}: from what to what\n\n").Append(TransitionTable(branch, 8)).Append('\n');
        }

        sb.Append("## Who pays\n\nOld-age payments by the paying state, present values (a state pays more when it pays pensions it did not pay before, and less when refunds it paid are replaced by pensions paid later, or by another state). ");
        sb.Append("Lump sums from provident funds (e.g. Singapore's CPF, Malaysia's EPF) return the workers' own and their employers' contributions with interest: they are paid out of contributions the reform also brings in, which Strata does not count. States whose outcome turns unknown under the reform are left out of both columns for those workers.\n\n");
        sb.Append(PayerTable(30)).Append('\n');
        sb.Append("## Corridors\n\nThe 25 corridors where most workers' old-age outcome changes; every corridor and branch is in `corridors.csv` and `corridors.parquet`, every transition in `transitions.csv`.\n\n");
        sb.Append(CorridorTable(25)).Append('\n');
        sb.Append(ExampleTable());
        sb.Append(Method());
        return sb.ToString();
    }

    private string Method()
    {
        var sb = new StringBuilder();
        sb.Append("## Method\n\n");
        sb.Append("- **Same rules, two laws.** Each career is evaluated by Strata's evaluator (the one behind `strata evaluate`) against the knowledge base as shipped and against the knowledge base with the reform's files added (they replace files with the same id). No rule is written twice.\n");
        sb.Append(Inv, $"- **Two cases per career**, as in the corridor analysis: an old-age claim at 65, and a contingency (invalidity, death, employment injury) on the last day of work in the destination; both judged under the law of {setup.Date:yyyy-MM-dd}.\n");
        sb.Append("- **Fates.** Each state's determinations for a branch become one fate: a pension paid where the person lives (exported, or the person lives there), a pension not paid there, a lump sum, a refund (the worker takes a refund or lump sum the law offers when nothing else is due), lost (insured, nothing due), not covered, or unknown. Several schemes of a state for a branch combine into the best fate, with their amounts added.\n");
        sb.Append("- **Values only where both runs know.** A state whose outcome or amount is unknown in either run is left out of that worker's values and of the paying state's totals, and counted under *becomes unknown* or *amount unknown*.\n");
        sb.Append(Inv, $"- **Money.** Amounts are converted to US$ at the latest official rate (World Bank WDI PA.NUS.FCRF; Taiwan from the US Federal Reserve H.10). Present value on {setup.Date:yyyy-MM-dd} at a real {setup.DiscountRate * 100:0.##}% a year: a pension paid monthly for {setup.PensionYears} years from the 65th birthday, a lump sum on the 65th birthday, a refund on the analysis date (as if the worker left under that law). The discount rate and the {setup.PensionYears} years are modelling choices (`--discount-rate`, `--pension-years`), not sourced figures. Amounts Strata does not know (no wage, no rate, an unknown formula) are reported as unknown.\n");
        sb.Append("- **Weights.** Each career stands for a number of migrants (its weight); synthetic populations are calibrated so that weights add up to the UN DESA 2019 stock of each corridor. Totals are estimates for the 2019 stock as if it had the generated careers, not forecasts.\n");
        sb.Append("- **Checks.** The whole population runs on the fast path (no explanations), in parallel; every career whose id is a multiple of the sample interval is re-evaluated on the explain path under both laws, and any disagreement fails the run.\n");
        sb.Append("- **Limits.** Careers are those of the assumptions below, not observed careers; costs are the benefits paid to this stock, not the contributions the reform would also bring in or administrative costs; invalidity, survivors and injury are compared as rights, not as expected costs; what Strata does not know about the law stays unknown in both runs (see `strata kb coverage`).\n\n");
        if (assumptions is not null)
        {
            sb.Append("## Career assumptions\n\nEach figure with its source, or marked as a modelling choice.\n\n");
            foreach (var a in assumptions.Basis)
            {
                sb.Append("- ").Append(Cite(a)).Append('\n');
            }

            foreach (var (code, d) in assumptions.Destinations.OrderBy(d => d.Key == "*" ? "~" : d.Key, StringComparer.Ordinal))
            {
                sb.Append(Inv, $"\n**{(code == "*" ? "other destinations" : code)}**: stays {string.Join(", ", d.Stays.Select(s => $"{s.Months} months ({s.Share:0.##})"))}; documented {d.DocumentedShare:0.##}; return {d.ReturnShare:0.##}; ages {d.MinAge}–{d.MaxAge} at departure; women {d.FemaleShare:0.##}; domestic work {d.DomesticWorkShare:0.##}.\n\n");
                foreach (var a in d.Basis)
                {
                    sb.Append("- ").Append(Cite(a)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private static string Cite(StatedAssumption a) =>
        a.Source is { } s ? $"{a.Text} — {s}, <{s.Url}>, checked {s.Checked:yyyy-MM-dd}." : a.Text;

    private IEnumerable<((string Origin, string Destination, Branch Branch) Key, BranchTally Tally)> OrderedCorridors() =>
        tally.Corridors.OrderBy(c => c.Key.Origin, StringComparer.Ordinal).ThenBy(c => c.Key.Destination, StringComparer.Ordinal).ThenBy(c => c.Key.Branch)
            .Select(c => (c.Key, c.Value));

    private static string D(decimal d) => Math.Round(d, 2).ToString(Inv);

    /// <summary>The measures of a corridor and branch, in the column order of corridors.csv and corridors.parquet.</summary>
    private static readonly (string Name, Func<BranchTally, decimal> Get)[] Measures =
    [
        ("migrants", t => t.Workers), ("members", t => t.Members), ("changed", t => t.Changed), ("better", t => t.Better), ("worse", t => t.Worse),
        ("value_gainers", t => t.ValueGainers), ("value_losers", t => t.ValueLosers), ("months_rescued", t => t.MonthsRescued), ("months_lost", t => t.MonthsLost),
        ("monthly_before_usd", t => t.MonthlyBefore), ("monthly_after_usd", t => t.MonthlyAfter), ("value_before_usd", t => t.ValueBefore),
        ("value_after_usd", t => t.ValueAfter), ("amount_unknown", t => t.AmountUnknown), ("became_unknown", t => t.BecameUnknown), ("became_known", t => t.BecameKnown),
    ];

    private string CorridorsCsv()
    {
        var sb = new StringBuilder("origin,destination,branch,").AppendJoin(',', Measures.Select(m => m.Name)).Append('\n');
        foreach (var (k, t) in OrderedCorridors())
        {
            sb.Append(Inv, $"{k.Origin},{k.Destination},{k.Branch.ToName()},").AppendJoin(',', Measures.Select(m => D(m.Get(t)))).Append('\n');
        }

        return sb.ToString();
    }

    private string TransitionsCsv()
    {
        var sb = new StringBuilder("origin,destination,branch,state,before,after,migrants\n");
        foreach (var (k, t) in OrderedCorridors())
        {
            foreach (var ((role, b, a), w) in t.Transitions.OrderBy(x => x.Key))
            {
                sb.Append(Inv, $"{k.Origin},{k.Destination},{k.Branch.ToName()},{(role == Role.Origin ? "origin" : "destination")},{b.ToName()},{a.ToName()},{D(w)}\n");
            }
        }

        return sb.ToString();
    }

    private string PayersCsv()
    {
        var sb = new StringBuilder("payer,branch,value_before_usd,value_after_usd,pensions_before_usd,pensions_after_usd,lump_sums_before_usd,lump_sums_after_usd,refunds_before_usd,refunds_after_usd,monthly_before_usd,monthly_after_usd\n");
        foreach (var (k, p) in tally.Payers.OrderBy(p => p.Key.Payer, StringComparer.Ordinal).ThenBy(p => p.Key.Branch))
        {
            sb.Append(Inv, $"{k.Payer},{k.Branch.ToName()},{D(p.ValueBefore)},{D(p.ValueAfter)},{D(p.PensionsBefore)},{D(p.PensionsAfter)},{D(p.LumpSumsBefore)},{D(p.LumpSumsAfter)},{D(p.RefundsBefore)},{D(p.RefundsAfter)},{D(p.MonthlyBefore)},{D(p.MonthlyAfter)}\n");
        }

        return sb.ToString();
    }

    private void WriteParquet(string path)
    {
        var rows = OrderedCorridors().ToArray();
        var text = new[] { "origin", "destination", "branch" };
        var textFields = text.Select(n => new DataField<string>(n)).ToArray();
        var numberFields = Measures.Select(m => new DataField<double>(m.Name)).ToArray();
        var schema = new ParquetSchema([.. textFields, .. numberFields]);
        OutputFile.Write(path, stream =>
        {
            var writer = ParquetWriter.CreateAsync(schema, stream).GetAwaiter().GetResult();
            writer.CustomMetadata = new Dictionary<string, string> { ["strata"] = "simulation-corridors/v1" };
            using (var group = writer.CreateRowGroup())
            {
                string[][] texts = [[.. rows.Select(r => r.Key.Origin)], [.. rows.Select(r => r.Key.Destination)], [.. rows.Select(r => r.Key.Branch.ToName())]];
                for (var i = 0; i < textFields.Length; i++)
                {
                    group.WriteAsync(textFields[i], texts[i], null).GetAwaiter().GetResult();
                }

                for (var i = 0; i < numberFields.Length; i++)
                {
                    var values = rows.Select(r => (double)Math.Round(Measures[i].Get(r.Tally), 2)).ToArray();
                    group.WriteAsync(numberFields[i], (ReadOnlyMemory<double>)values, null, null, default).GetAwaiter().GetResult();
                }
            }

            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
    }

    /// <summary>Two panels: the share of migrants whose periods in the destination keep their value, per branch, before and after; and the change in what each state pays for old age.</summary>
    private (string Svg, byte[] Png) Chart()
    {
        var shapes = new List<Shape>();
        const int width = 960;
        shapes.Add(new Text(20, 30, $"What {ReformName} changes", 18, Bold: true));
        shapes.Add(new Text(20, 52, $"{N(tally.Total(Branch.OldAge).Workers)} migrants ({tally.Members:N0} simulated careers), law of {setup.Date:yyyy-MM-dd}", 12, Colour: "#444444"));
        shapes.Add(new Text(20, 86, "Migrants whose periods in the destination keep their value (a pension or a lump sum by right)", 13, Bold: true));
        var y = 100f;
        const float barMax = 520f;
        foreach (var branch in SimulationSettings.Branches)
        {
            var t = tally.Total(branch);
            var (b, a, ub, ua) = Keeps(t, Role.Destination);
            float Share(decimal x) => t.Workers == 0 ? 0f : (float)(x / t.Workers);
            shapes.Add(new Text(190, y + 24, branch.ToName(), 12, Anchor: "end"));
            Bar(y + 8, Share(b), Share(ub), "#9e9e9e", $"today {Share(b):0%}");
            Bar(y + 24, Share(a), Share(ua), "#1a9850", $"with the reform {Share(a):0%}");
            y += 44;
        }

        void Bar(float top, float keeps, float unknown, string colour, string label)
        {
            shapes.Add(new Rect(200, top, Math.Max(1, keeps * barMax), 14, colour));
            if (unknown > 0.0005f)
            {
                shapes.Add(new Rect(200 + (keeps * barMax), top, unknown * barMax, 14, "#e0e0e0"));
            }

            shapes.Add(new Text(206 + ((keeps + unknown) * barMax), top + 12, label + (unknown > 0.0005f ? $" (+{unknown:0%} unknown)" : ""), 11, Bold: colour != "#9e9e9e"));
        }

        y += 20;
        shapes.Add(new Text(20, y, "Change in what each state pays for old age (present value, US$ million)", 13, Bold: true));
        y += 14;
        var payers = PayerRows().Where(p => p.Change != 0).Take(12).ToList();
        if (payers.Count == 0)
        {
            shapes.Add(new Text(20, y + 14, "No state pays more or less for old age under the reform.", 12));
            y += 20;
        }

        var scale = payers.Count == 0 ? 1m : Math.Max(1m, payers.Max(p => Math.Abs(p.Change)));
        const float mid = 480f;
        const float half = 300f;
        foreach (var (payer, _, change) in payers)
        {
            var len = (float)(Math.Abs(change) / scale) * half;
            shapes.Add(new Text(mid - half - 10, y + 14, payer, 12, Anchor: "end"));
            shapes.Add(new Rect(change >= 0 ? mid : mid - len, y + 3, Math.Max(1, len), 14, change >= 0 ? "#d73027" : "#4575b4"));
            shapes.Add(new Text(change >= 0 ? mid + len + 6 : mid - len - 6, y + 14, $"{(change >= 0 ? "+" : "")}{M(change)}", 11, Anchor: change >= 0 ? "start" : "end"));
            y += 20;
        }

        shapes.Add(new Rect(mid, y - (payers.Count * 20) + 2, 1, payers.Count * 20, "#222222"));
        y += 18;
        var note = $"Top: light grey is the share whose outcome Strata does not know (the law it would need is not in its knowledge base). Bottom: red, the state pays more than today; blue, less (refunds it paid become pensions paid later or by another state). Discount rate {setup.DiscountRate:0.##%}, pensions for {setup.PensionYears} years from 65; states whose outcome or amount Strata does not know in either run are left out. Source: strata simulate; method in simulation.md.";
        foreach (var (line, i) in Wrap(note, 140).Select((l, i) => (l, i)))
        {
            shapes.Add(new Text(20, y + (i * 14), line, 10, Colour: "#555555"));
        }

        var height = (int)(y + (Wrap(note, 140).Count * 14) + 16);
        return (Svg(shapes, width, height), Png(shapes, width, height));
    }
}
