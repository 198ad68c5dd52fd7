using System.Globalization;
using Strata.Cases;
using Strata.Formulas;
using Strata.Instruments;
using Strata.Law;
using Strata.Periods;
using Strata.Schemes;

namespace Strata.Evaluation;

/// <summary>Evaluates a case against the knowledge base: per country, branch and scheme, what the person gets and why.</summary>
/// <remarks>
/// The order follows the legal reasoning: applicable legislation of each period (place of work, postings) →
/// coverage under the scheme → qualifying on own periods → aggregation under an instrument that applies →
/// amount (independent, pro-rata or direct; the higher where the instrument says so) → payment while living
/// abroad (domestic rule, overridden by an export provision) → refunds and the choices they open.
/// Domestic law gives the default; a binding instrument that applies overrides it for what it covers, and the
/// disagreement is reported as a <see cref="Conflict"/>. The same code serves the explain path and the fast path:
/// only the building of sentences is skipped.
/// </remarks>
public static class Evaluator
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Determination[]> NotModelledCache = new(StringComparer.Ordinal);

    /// <summary>Evaluates a case.</summary>
    /// <param name="knowledge">The law.</param>
    /// <param name="case">The case.</param>
    /// <param name="options">Options; <see cref="EvaluationOptions.Default"/> when null.</param>
    /// <returns>One determination per country worked in, branch asked and scheme.</returns>
    public static Assessment Evaluate(KnowledgeBase knowledge, Case @case, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(@case);
        var run = new CaseRun(knowledge, @case, options ?? EvaluationOptions.Default);
        return run.Evaluate();
    }

    /// <summary>One segment of a period with the state whose legislation governs it.</summary>
    /// <summary>A segment of a period under one state's legislation; <paramref name="Posting"/> is the instrument whose posting rule chose it.</summary>
    private readonly record struct Governed(string State, DateOnly From, DateOnly To, CareerPeriod Period, Step? Why, Instrument? Posting = null)
    {
        /// <summary>
        /// The state whose scheme insures the segment for a branch: a posting rule moves only the branches in its
        /// instrument's material scope (e.g. pensions); for the others the place of work still applies.
        /// </summary>
        public string StateFor(Branch branch)
        {
            if (Posting is null)
            {
                return State;
            }

            foreach (var provision in Posting.Provisions)
            {
                if (provision.Branches.Contains(branch))
                {
                    return State;
                }
            }

            return Period.Country;
        }
    }

    private sealed class Coverage
    {
        public MonthRun[] Runs { get; set; } = [];

        public List<Step> Steps => field ??= [];

        public List<Conflict> Conflicts => field ??= [];

        public bool HasSteps => Steps.Count > 0;

        public Instrument? EqualityFrom { get; set; }

        public string? Unknown { get; set; }

        public string? Excluded { get; set; }

        public Source? ExcludedSource { get; set; }
    }

    private sealed class CaseRun(KnowledgeBase kb, Case c, EvaluationOptions options)
    {
        private readonly bool _explain = options.Explain;
        private readonly DateOnly _entitleDate = options.LawAsOf ?? c.Claim.ContingencyDate;
        private readonly DateOnly _payDate = options.LawAsOf ?? c.Claim.Date;
        private List<(string Country, Branch Branch, MonthRun[] Runs)>? _branchRuns;
        private Governed[] _governed = [];
        private string[] _countries = [];
        private List<(Scheme Scheme, Coverage Coverage)>? _coverage;

        public Assessment Evaluate()
        {
            var governed = new List<Governed>(c.Career.Count + 1);
            foreach (var period in c.CareerSpan)
            {
                Govern(period, governed);
            }

            _governed = [.. governed];
            var distinct = new List<string>(4);
            foreach (var g in _governed)
            {
                if (!distinct.Contains(g.State))
                {
                    distinct.Add(g.State);
                }

                if (g.Posting is not null && !distinct.Contains(g.Period.Country))
                {
                    distinct.Add(g.Period.Country);
                }
            }

            distinct.Sort(StringComparer.Ordinal);
            var countries = _countries = [.. distinct];
            var result = new List<Determination>(countries.Length * c.Claim.Branches.Count);
            foreach (var country in countries)
            {
                foreach (var branch in c.Claim.BranchSpan)
                {
                    var schemes = kb.SchemeSpan(country, branch);
                    if (schemes.Length == 0)
                    {
                        result.Add(NotModelled(country, branch));
                        continue;
                    }

                    foreach (var scheme in schemes)
                    {
                        result.Add(Determine(scheme));
                    }
                }
            }

            return new Assessment(c.Claim.Date, options.LawAsOf ?? c.Claim.Date, result);
        }

        private Determination NotModelled(string country, Branch branch)
        {
            // Determinations are immutable, so the fast path shares one per country and branch across all careers.
            if (!_explain)
            {
                return NotModelledCache.GetOrAdd(country,
                    static key => BranchNames.All.Select(b => new Determination(key, b, null, Outcome.Unknown, null, null, Layer.Domestic, [], default, [], null, [], [])).ToArray())[(int)branch];
            }

            var steps = _explain
                ? new[] { new Step($"Strata's knowledge base has no {country} scheme for {branch.ToName()} benefits yet, so the outcome is unknown (not a denial).", null) }
                : [];
            return new Determination(country, branch, null, Outcome.Unknown, null, null, Layer.Domestic, [], default, [],
                null, steps, []);
        }

        // Applicable legislation: the place of work, unless a posting rule of an instrument in force between the
        // two states keeps the worker under the sending state's legislation for a limited time.
        private void Govern(CareerPeriod original, List<Governed> into)
        {
            // Work after the contingency cannot count towards it: a career planned beyond the claim is cut there.
            var cut = c.Claim.ContingencyDate;
            if (original.From > cut)
            {
                return;
            }

            var p = original.To <= cut ? original
                : new CareerPeriod(original.Country, original.From, cut, original.Activity, original.PostedFrom, original.Documented,
                    original.MonthlyWage, original.Currency, original.Scheme, original.Sector);
            if (p.Activity != Activity.Posted || p.PostedFrom is not { } home || home == p.Country)
            {
                into.Add(new Governed(p.Country, p.From, p.To, p, null));
                return;
            }

            // The posting rule of an instrument binding both states (bilateral, or multilateral such as EU 883/2004) applies
            // from the day it binds them both; a posting that began earlier counts its months from then.
            Instrument? instrument = null;
            var postingStart = p.From;
            foreach (var candidate in kb.BindingInstruments)
            {
                if (candidate.ApplicableLegislation is null)
                {
                    continue;
                }

                var fromHome = candidate.BindsFrom(home, Branch.OldAge);
                var fromHost = candidate.BindsFrom(p.Country, Branch.OldAge);
                if (fromHome is null || fromHost is null)
                {
                    continue;
                }

                var start = new[] { p.From, fromHome.Value, fromHost.Value }.Max();
                if (start <= p.To && (candidate.Ended is null || candidate.Ended >= start))
                {
                    instrument = candidate;
                    postingStart = start;
                    break;
                }
            }

            if (instrument?.ApplicableLegislation is not { } rule)
            {
                var why = _explain
                    ? new Step($"Posted from {home} to {p.Country} without an agreement on applicable legislation between them: the law of the place of work ({p.Country}) applies; {home} may also insure the worker under its own law.", null)
                    : null;
                into.Add(new Governed(p.Country, p.From, p.To, p, why));
                return;
            }

            if (postingStart > p.From)
            {
                var before = _explain
                    ? new Step($"Until {postingStart.AddDays(-1):yyyy-MM-dd} no agreement on applicable legislation bound {home} and {p.Country}: the law of the place of work applies to that part of the posting.", rule.Source)
                    : null;
                into.Add(new Governed(p.Country, p.From, postingStart.AddDays(-1), p, before));
                p = new CareerPeriod(p.Country, postingStart, p.To, p.Activity, p.PostedFrom, p.Documented, p.MonthlyWage, p.Currency, p.Scheme, p.Sector);
            }

            var limit = p.From.AddMonths(rule.PostingMonths).AddDays(-1);
            if (instrument.Ended is { } ended && ended < limit)
            {
                limit = ended;
            }

            var homeEnd = p.To < limit ? p.To : limit;
            var reason = _explain
                ? new Step($"Posted from {home} to {p.Country}: under {instrument.Title} the worker stays under {home}'s legislation for up to {rule.PostingMonths} months ({p.From:yyyy-MM-dd}–{homeEnd:yyyy-MM-dd})" +
                    (rule.ExtensionMonths is { } ext ? $"; the institutions may agree to extend this by up to {ext} months." : "."), rule.Source)
                : null;
            into.Add(new Governed(home, p.From, homeEnd, p, reason, instrument));
            if (p.To > limit)
            {
                var after = _explain
                    ? new Step($"After {limit:yyyy-MM-dd} the posting limit is exceeded: {p.Country}'s legislation applies.", rule.Source)
                    : null;
                into.Add(new Governed(p.Country, limit.AddDays(1), p.To, p, after));
            }
        }

        private static bool SchemeMatches(Scheme scheme, string? wanted) =>
            wanted is null || scheme.Id == wanted || scheme.Id.StartsWith(wanted + ".", StringComparison.Ordinal);

        private Coverage CoverCached(Scheme scheme)
        {
            // A handful of schemes per case: a short list beats a dictionary.
            _coverage ??= new List<(Scheme, Coverage)>(8);
            foreach (var (s, known) in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_coverage))
            {
                if (ReferenceEquals(s, scheme))
                {
                    return known;
                }
            }

            var cov = Cover(scheme);
            _coverage.Add((scheme, cov));
            return cov;
        }

        private Coverage Cover(Scheme scheme, IReadOnlyList<Activity>? only = null)
        {
            var cov = new Coverage();
            var runs = new List<MonthRun>(4);
            var person = c.Person;
            foreach (var g in _governed)
            {
                if (g.StateFor(scheme.Branch) != scheme.Country || !SchemeMatches(scheme, g.Period.Scheme))
                {
                    continue;
                }

                if (_explain && g.Posting is { } posting && g.StateFor(scheme.Branch) != g.State)
                {
                    var outOfScope = new Step($"The posting rule of {posting.Title} does not reach {scheme.Branch.ToName()} benefits: for them the law of the place of work ({g.Period.Country}) applies.", posting.ApplicableLegislation?.Source);
                    if (!cov.Steps.Contains(outOfScope))
                    {
                        cov.Steps.Add(outOfScope);
                    }
                }

                if (g.Why is { } why && _explain && g.StateFor(scheme.Branch) == g.State && !cov.Steps.Contains(why))
                {
                    cov.Steps.Add(why);
                }

                var activity = g.Period.Activity == Activity.Posted ? Activity.Employed : g.Period.Activity;
                if (only is { Count: > 0 } && !only.Contains(activity))
                {
                    continue;
                }

                if (scheme.Coverage.IsEmpty)
                {
                    cov.Unknown ??= "who the scheme covers is not stated";
                    continue;
                }

                foreach (var fact in scheme.Coverage.Span)
                {
                    var from = fact.Validity.From is { } ff && ff > g.From ? ff : g.From;
                    var to = fact.Validity.To is { } ft && ft < g.To ? ft : g.To;
                    if (from > to)
                    {
                        continue;
                    }

                    if (!fact.IsKnown)
                    {
                        cov.Unknown ??= fact.Unknown;
                        continue;
                    }

                    var rule = fact.Value!;
                    if (g.Period.Sector is { } sector && rule.ExcludedSectors.Contains(sector))
                    {
                        cov.Excluded ??= _explain ? $"{scheme.Name} does not insure work in the {sector} sector" : "sector";
                        cov.ExcludedSource ??= fact.Source;
                        continue;
                    }

                    if (!rule.Activities.Contains(activity))
                    {
                        cov.Excluded ??= _explain ? $"{activity.ToName()} work is not insured by {scheme.Name} ({string.Join(", ", rule.Activities.Select(a => a.ToName()))} only)" : "activity";
                        cov.ExcludedSource ??= fact.Source;
                        continue;
                    }

                    if (rule.MaxAge is { } maxAge)
                    {
                        var limit = person.ReachesAge(maxAge).AddDays(-1);
                        if (limit < to)
                        {
                            to = limit;
                        }

                        if (from > to)
                        {
                            continue;
                        }
                    }

                    if (!person.IsNationalOf(scheme.Country))
                    {
                        if (ForeignerCoveredFrom(scheme, rule, fact, g, from, to, cov) is not { } coveredFrom)
                        {
                            continue;
                        }

                        from = coveredFrom;
                    }

                    decimal? wage = g.Period.Currency == scheme.Currency ? g.Period.MonthlyWage : null;
                    runs.Add(new MonthRun(Months.Index(from), Months.Index(to), wage));
                    if (_explain)
                    {
                        cov.Steps.Add(new Step($"{from:yyyy-MM-dd}–{to:yyyy-MM-dd} in {scheme.Country} ({activity.ToName()}{(person.IsNationalOf(scheme.Country) ? "" : ", " + (g.Period.Documented ? "documented" : "undocumented") + " non-national")}): insured by {scheme.Name}.", fact.Source));
                        if (g.Period.MonthlyWage is not null && g.Period.Currency != scheme.Currency)
                        {
                            cov.Steps.Add(new Step($"The wage of this period is in {g.Period.Currency}; {scheme.Institution} computes in {scheme.Currency}, and Strata never converts currencies silently.", null));
                        }
                    }
                }
            }

            cov.Runs = Months.Normalize(runs);
            return cov;
        }

        /// <summary>The first day of a segment a non-national is insured, or null when not insured at all.</summary>
        private DateOnly? ForeignerCoveredFrom(Scheme scheme, CoverageRule rule, Fact<CoverageRule> fact, Governed g, DateOnly from, DateOnly to, Coverage cov)
        {
            switch (rule.ForeignWorkers)
            {
                case ForeignWorkerRule.All:
                    return from;
                case ForeignWorkerRule.DocumentedOnly when g.Period.Documented:
                    return from;
                case ForeignWorkerRule.DocumentedOnly:
                    cov.Excluded ??= _explain ? $"{scheme.Name} insures non-nationals only when their work is documented; this period was undocumented" : "undocumented";
                    cov.ExcludedSource ??= fact.Source;
                    return null;
                case ForeignWorkerRule.Unknown:
                    cov.Unknown ??= _explain ? $"whether {scheme.Name} insures non-nationals" : "foreign workers";
                    return null;
            }

            // Excluded or reciprocity: a binding instrument granting equality of treatment overrides the domestic rule.
            // An exclusion from insurance is judged over the period (from the instrument's entry into force); a
            // reciprocity condition on paying benefits (e.g. SSS Act s.15) is judged at the claim date.
            // Reciprocity with nationality lists decides who is insured at all (Korea's NPA art 126): judged over the period too.
            var paymentCondition = rule.ForeignWorkers == ForeignWorkerRule.Reciprocity && rule.CoveredNationalities.Count == 0 && rule.ExcludedNationalities.Count == 0;
            var judgedOn = paymentCondition ? _payDate : from;
            var equality = FindInstrument(scheme, Principle.Equality, judgedOn, c.Person.Nationalities, null);
            var coveredFrom = from;
            if (equality is null && !paymentCondition
                && FindInstrument(scheme, Principle.Equality, to, c.Person.Nationalities, null) is { } later)
            {
                equality = later;
                var a = later.Instrument.BindsFrom(scheme.Country, scheme.Branch) ?? from;
                var b = later.Instrument.BindsFrom(later.Other, scheme.Branch) ?? from;
                coveredFrom = a > b ? a : b;
            }

            if (equality is { } found)
            {
                cov.EqualityFrom ??= found.Instrument;
                if (_explain && cov.Conflicts.Count == 0)
                {
                    cov.Conflicts.Add(new Conflict(
                        $"{scheme.Country} law {(rule.ForeignWorkers == ForeignWorkerRule.Excluded ? "excludes" : "makes reciprocity a condition for")} non-nationals, but {found.Instrument.Title} grants nationals of {found.Other} equality of treatment; the binding instrument prevails.",
                        [fact.Source!, found.Provision.Source]));
                    cov.Steps.Add(new Step($"Equality of treatment under {found.Instrument.Title} ({found.Instrument.Layer.ToName()} layer) overrides the domestic exclusion.", found.Provision.Source));
                }

                return coveredFrom;
            }

            // A convention both states may have ratified, but whose date for one of them is unknown: say so, never guess.
            if (UnknownBinding(scheme, Principle.Equality, c.Person.NationalitySpan) is { } uncertain)
            {
                cov.Unknown ??= _explain
                    ? $"whether {uncertain.Instrument.Title} binds {uncertain.Other} or {scheme.Country} on {from:yyyy-MM-dd} (a ratification date is not recorded); if it does, its equality of treatment would override the exclusion of non-nationals"
                    : "ratification date";
                return null;
            }

            if (rule.ForeignWorkers == ForeignWorkerRule.Reciprocity)
            {
                foreach (var n in c.Person.NationalitySpan)
                {
                    if (rule.CoveredNationalities.Contains(n))
                    {
                        if (_explain)
                        {
                            var step = new Step($"{scheme.Name} insures non-nationals on reciprocity; {n} is among the nationalities it covers.", fact.Source);
                            if (!cov.Steps.Contains(step))
                            {
                                cov.Steps.Add(step);
                            }
                        }

                        return from;
                    }
                }

                foreach (var n in c.Person.NationalitySpan)
                {
                    if (rule.ExcludedNationalities.Contains(n))
                    {
                        cov.Excluded ??= _explain ? $"{scheme.Name} insures non-nationals only on reciprocity, and {n} is among the nationalities it excludes" : "reciprocity";
                        cov.ExcludedSource ??= fact.Source;
                        return null;
                    }
                }

                cov.Unknown ??= _explain ? $"{scheme.Name} insures non-nationals only on reciprocity, and Strata does not know whether {string.Join("/", c.Person.Nationalities)} extends reciprocity" : "reciprocity";
                return null;
            }

            cov.Excluded ??= _explain ? $"{scheme.Name} does not insure non-nationals" : "excluded";
            cov.ExcludedSource ??= fact.Source;
            return null;
        }

        private readonly record struct Found(Instrument Instrument, Provision Provision, string Other);

        // An instrument applies between the scheme's state and another state when both are bound on the day, the
        // branch (and scheme) is in its material scope and the person in its personal scope.
        private Found? FindInstrument(Scheme scheme, Principle principle, DateOnly day, IReadOnlyList<string>? others, string? single)
        {
            var count = others?.Count ?? 1;
            for (var k = 0; k < count; k++)
            {
                var other = others is null ? single! : others[k];
                if (other == scheme.Country)
                {
                    continue;
                }

                foreach (var (instrument, provision) in kb.Candidates(scheme, principle, other))
                {
                    if (!instrument.Binding)
                    {
                        continue;
                    }

                    // A convention protecting every (lawful) migrant binds the scheme's state whatever the person's nationality.
                    var bound = instrument.IsConvention && instrument.PersonalScope == PersonalScope.Everyone
                        ? instrument.Binds(scheme.Country, scheme.Branch, day)
                        : instrument.InForceBetween(scheme.Country, other, scheme.Branch, day);
                    if (bound && InPersonalScope(instrument, scheme.Country, other, scheme.Branch, day))
                    {
                        return new Found(instrument, provision, other);
                    }
                }
            }

            return null;
        }

        private Found? UnknownBinding(Scheme scheme, Principle principle, ReadOnlySpan<string> others)
        {
            foreach (var other in others)
            {
                if (other == scheme.Country)
                {
                    continue;
                }

                foreach (var (instrument, provision) in kb.Candidates(scheme, principle, other))
                {
                    if (!instrument.Binding || !instrument.IsConvention)
                    {
                        continue;
                    }

                    var a = instrument.RatificationOf(scheme.Country, scheme.Branch);
                    var b = instrument.RatificationOf(other, scheme.Branch);
                    if (a is not null && b is not null && (a.Registered is null || b.Registered is null) && a.Denounced is null && b.Denounced is null)
                    {
                        return new Found(instrument, provision, other);
                    }
                }
            }

            return null;
        }

        private bool InPersonalScope(Instrument instrument, string a, string b, Branch branch, DateOnly day) => instrument.PersonalScope switch
        {
            PersonalScope.NationalsOfParties => c.Person.Nationalities.Any(n => n == a || n == b
                || (instrument.IsConvention && instrument.Binds(n, branch, day))),
            _ => true,
        };

        private MonthRun[] BranchRuns(string country, Branch branch)
        {
            _branchRuns ??= new List<(string, Branch, MonthRun[])>(4);
            foreach (var (k, b, cached) in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_branchRuns))
            {
                if (b == branch && k == country)
                {
                    return cached;
                }
            }

            var runs = new List<MonthRun>();
            var schemes = kb.SchemeSpan(country, branch);
            foreach (var s in schemes)
            {
                runs.AddRange(CoverCached(s).Runs);
            }

            if (schemes.Length == 0)
            {
                // Strata has no scheme of that state for the branch: its documented periods are taken as the insurance
                // periods its institution would certify, and the explanation says so (see PeriodsAssumed).
                foreach (var g in _governed)
                {
                    if (g.StateFor(branch) == country && g.Period.Documented)
                    {
                        runs.Add(new MonthRun(Months.Index(g.From), Months.Index(g.To), null));
                    }
                }
            }

            var array = Months.Normalize(runs);
            _branchRuns.Add((country, branch, array));
            return array;
        }

        private enum Status { Met, NotMet, Unknown }

        private sealed class Qualification
        {
            /// <summary>One unmet condition denies the benefit even when another is unknown: a 36-month career is short of
            /// 180 months whatever the unknown pension age.</summary>
            public Status Status => Failures > 0 ? Status.NotMet : AnyUnknown ? Status.Unknown : Status.Met;

            public bool AnyUnknown { get; set; }

            public int MonthsShort { get; set; }

            public DateOnly? ReachesAge { get; set; }

            public int? Age { get; set; }

            public bool NotAtWork { get; set; }

            public string? Unknown { get; set; }

            public List<Step> Steps => field ??= [];

            public List<string> Missing => field ??= [];

            /// <summary>Conditions not met; counted on both paths, while <see cref="Missing"/> holds their text only when explaining.</summary>
            public int Failures { get; set; }
        }

        /// <summary>
        /// The fact of a condition on the entitlement date. A condition recorded for other dates but not for this one is
        /// unknown, never "no condition".
        /// </summary>
        private Fact<T>? Lookup<T>(FactSeries<T> series, string what, Qualification result)
        {
            var fact = series.At(_entitleDate);
            if (fact is null && !series.IsEmpty)
            {
                result.AnyUnknown = true;
                result.Unknown ??= $"{what} (the knowledge base records it for other dates, not for {_entitleDate:yyyy-MM-dd})";
            }

            return fact;
        }

        private Qualification Qualify(Scheme scheme, QualifyingConditions q, FactSeries<int>? minMonthsOverride, FactSeries<int>? minAgeOverride,
            MonthRun[] runs, int months, string country)
        {
            var result = new Qualification();
            var contingency = Months.Index(c.Claim.ContingencyDate);
            var minAgeSeries = minAgeOverride is { IsEmpty: false } ? minAgeOverride
                : c.Person.Sex == "female" && !q.MinAgeFemale.IsEmpty ? q.MinAgeFemale : q.MinAge;

            // Women's and men's ages differ and the case does not say which applies: not guessed.
            if (minAgeOverride is not { IsEmpty: false } && c.Person.Sex is null && q.MinAgeFemale.At(_entitleDate) is { IsKnown: true } female
                && q.MinAge.At(_entitleDate) is { IsKnown: true } male && female.Value != male.Value)
            {
                result.AnyUnknown = true;
                result.Unknown = $"the pension age: {male.Value} for men and {female.Value} for women, and the case does not state the person's sex";
                minAgeSeries = FactSeries<int>.Empty;
            }

            if (Lookup(minAgeSeries, "the pension age", result) is { } ageFact)
            {
                if (!ageFact.IsKnown)
                {
                    result.AnyUnknown = true;
                    result.Unknown = $"the pension age ({ageFact.Unknown})";
                }
                else
                {
                    var age = c.Person.AgeOn(c.Claim.ContingencyDate);
                    result.Age = ageFact.Value;
                    if (age < ageFact.Value)
                    {
                        result.ReachesAge = c.Person.ReachesAge(ageFact.Value);
                        result.Failures++;
                        if (_explain)
                        {
                            result.Missing.Add($"reach age {ageFact.Value} on {result.ReachesAge:yyyy-MM-dd}");
                        }
                    }

                    if (_explain)
                    {
                        result.Steps.Add(new Step($"Age {ageFact.Value} is required; the person is {age} on {c.Claim.ContingencyDate:yyyy-MM-dd}.", ageFact.Source));
                    }
                }
            }

            var minMonthsSeries = minMonthsOverride is { IsEmpty: false } ? minMonthsOverride : q.MinMonths;
            if (Lookup(minMonthsSeries, "the qualifying period", result) is { } monthsFact)
            {
                if (!monthsFact.IsKnown)
                {
                    result.AnyUnknown = true;
                    result.Unknown ??= $"the qualifying period ({monthsFact.Unknown})";
                }
                else
                {
                    if (months < monthsFact.Value)
                    {
                        result.MonthsShort = monthsFact.Value - months;
                        result.Failures++;
                        if (_explain)
                        {
                            result.Missing.Add($"{result.MonthsShort} more months of contributions in {country}");
                        }
                    }

                    if (_explain)
                    {
                        result.Steps.Add(new Step($"{monthsFact.Value} months of contributions are required; {months} count.", monthsFact.Source));
                    }
                }
            }

            if (Lookup(q.Recent, "the recent-contribution condition", result) is { } recentFact)
            {
                if (!recentFact.IsKnown)
                {
                    result.AnyUnknown = true;
                    result.Unknown ??= $"the recent-contribution condition ({recentFact.Unknown})";
                }
                else
                {
                    var r = recentFact.Value;
                    var within = Months.CountWithin(runs, contingency - r.Within + 1, contingency);
                    if (within < r.Months)
                    {
                        result.Failures++;
                        if (_explain)
                        {
                            result.Missing.Add($"{r.Months - within} more months of contributions in {country} within the {r.Within} months before the contingency");
                        }
                    }

                    if (_explain)
                    {
                        result.Steps.Add(new Step($"{r.Months} months of contributions within the {r.Within} months before the contingency are required; {within} count.", recentFact.Source));
                    }
                }
            }

            // An employment injury is by definition an injury at work: it is compensated only when it happens while
            // the person is insured under the scheme, whatever the knowledge file says about other conditions.
            var atFact = q.CoveredAtContingency.At(_entitleDate);
            if (atFact is { IsKnown: true, Value: true } || scheme.Branch == Branch.EmploymentInjury)
            {
                var covered = runs.Any(r => r.Start <= contingency && contingency <= r.End);
                if (!covered)
                {
                    result.NotAtWork = true;
                    result.Failures++;
                    if (_explain)
                    {
                        result.Missing.Add($"an injury at work while insured in {country}");
                    }
                }

                if (_explain)
                {
                    result.Steps.Add(new Step(covered
                        ? $"The person is insured in {country} on {c.Claim.ContingencyDate:yyyy-MM-dd}, the day of the contingency."
                        : $"The person is not insured in {country} on {c.Claim.ContingencyDate:yyyy-MM-dd}, the day of the contingency.", atFact?.Source));
                }
            }

            return result;
        }

        private FormulaResult Compute(Scheme scheme, BenefitRule rule, MonthRun[] runs, int months, DateOnly lawDate)
        {
            if (!FormulaFamilies.TryGet(rule.Family, out var formula))
            {
                return FormulaResult.Unknown(rule.Note ?? $"no formula family fits {scheme.Name} yet", rule.Source);
            }

            return formula.Compute(new FormulaContext(rule, lawDate, runs, months, _explain, scheme.Currency));
        }

        private Determination Determine(Scheme scheme)
        {
            // Lists are created only when something goes in them: on the fast path most never are.
            var steps = _explain ? new List<Step>() : null;
            var conflicts = _explain ? new List<Conflict>() : null;
            List<string>? instruments = null;
            List<ChoiceOption>? options = null;
            var decidedBy = Layer.Domestic;
            var country = scheme.Country;
            var cov = CoverCached(scheme);
            steps?.AddRange(cov.Steps);
            conflicts?.AddRange(cov.Conflicts);
            if (cov.EqualityFrom is { } eq)
            {
                decidedBy = eq.Layer;
                (instruments ??= []).Add(eq.Id);
            }

            var own = Months.Count(cov.Runs);
            if (own == 0)
            {
                if (cov.Unknown is not null)
                {
                    if (_explain)
                    {
                        steps?.Add(new Step($"Unknown to Strata: {cov.Unknown?.TrimEnd('.', ' ')}. The outcome is therefore unknown, not a denial.", null));
                    }

                    return new Determination(country, scheme.Branch, scheme.Id, Outcome.Unknown, null, null, decidedBy, instruments?.ToArray() ?? [],
                        default, [], null, (IReadOnlyList<Step>?)steps ?? [], (IReadOnlyList<Conflict>?)conflicts ?? []);
                }

                if (_explain)
                {
                    steps?.Add(new Step($"Not insured: {cov.Excluded ?? "no period of the career falls under this scheme"}.", cov.ExcludedSource));
                }

                return new Determination(country, scheme.Branch, scheme.Id, Outcome.NotCovered, null, null, decidedBy, instruments?.ToArray() ?? [],
                    default, [], NotCoveredHint(cov), (IReadOnlyList<Step>?)steps ?? [], (IReadOnlyList<Conflict>?)conflicts ?? []);
            }

            if (_explain)
            {
                steps?.Add(new Step($"{own} months insured in {country} under {scheme.Name}.", null));
            }

            // Qualifying on own periods.
            var ownQ = Qualify(scheme, scheme.Qualifying, null, null, cov.Runs, own, country);
            steps?.AddRange(ownQ.Steps);
            FormulaResult? independent = null;
            if (ownQ.Status == Status.Met)
            {
                independent = Compute(scheme, scheme.Benefit, cov.Runs, own, _entitleDate);
            }

            // Aggregation under instruments that apply.
            var total = own;
            FormulaResult? underInstrument = null;
            Found? aggregation = null;
            string? withoutInstrument = null;
            string? otherUnknown = null;
            List<string>? assumptions = null;
            var others = _countries;
            var otherRuns = new List<MonthRun>();
            var otherStates = new List<MonthRun[]>();
            List<(Found Found, string Other, MonthRun[] Runs)>? candidates = null;
            foreach (var other in others)
            {
                if (other == country)
                {
                    continue;
                }

                var found = FindInstrument(scheme, Principle.Aggregation, _entitleDate, null, other);
                if (found is null)
                {
                    withoutInstrument ??= other;
                    continue;
                }

                var runs = BranchRuns(other, scheme.Branch);
                foreach (var otherScheme in kb.SchemeSpan(other, scheme.Branch))
                {
                    otherUnknown ??= CoverCached(otherScheme).Unknown is { } u ? $"{other}: {u}" : null;
                }

                if (runs.Length > 0)
                {
                    (candidates ??= []).Add((found.Value, other, runs));
                }
            }

            // Each instrument adds only its own parties' periods: periods under two different agreements are not pooled.
            // When several apply, the one that counts most months is used, and the explanation says so.
            if (candidates is not null)
            {
                var best = candidates.GroupBy(x => x.Found.Instrument.Id, StringComparer.Ordinal)
                    .Select(g => (Group: g, Total: Months.CountDistinct(cov.Runs.Concat(g.SelectMany(x => x.Runs)))))
                    .OrderByDescending(x => x.Total).ThenBy(x => x.Group.Key, StringComparer.Ordinal).First();
                aggregation = best.Group.First().Found;
                foreach (var (found, other, runs) in best.Group)
                {
                    otherRuns.AddRange(runs);
                    otherStates.Add(runs);
                    if (_explain)
                    {
                        steps?.Add(new Step($"{found.Instrument.Title} applies between {country} and {other} and allows aggregation of periods: {Months.CountDistinct(runs)} months insured in {other} are added (overlapping months counted once).", found.Provision.Source));
                        if (kb.SchemeSpan(other, scheme.Branch).Length == 0)
                        {
                            steps?.Add(new Step($"Strata does not model {other}'s {scheme.Branch.ToName()} scheme: the documented periods of work in {other} are counted as the insurance periods its institution would certify. Check them against {other}'s record of periods.", null));
                        }
                    }

                    if (kb.SchemeSpan(other, scheme.Branch).Length == 0)
                    {
                        (assumptions ??= []).Add($"the documented periods in {other} were insured under its {scheme.Branch.ToName()} legislation (Strata does not model that scheme)");
                    }
                }

                if (_explain && candidates.Any(x => x.Found.Instrument.Id != best.Group.Key))
                {
                    steps?.Add(new Step($"Periods under other agreements ({string.Join(", ", candidates.Where(x => x.Found.Instrument.Id != best.Group.Key).Select(x => x.Found.Instrument.Id).Distinct())}) are not added to these: each agreement counts only its own parties' periods, and Strata applies the one that counts the most months.", null));
                }
            }

            Qualification? aggQ = null;
            if (aggregation is { } agg)
            {
                total = Months.CountDistinct(cov.Runs.Concat(otherRuns));
                aggQ = Qualify(scheme, scheme.Qualifying, null, null, cov.Runs, total, country);
                if (_explain)
                {
                    steps?.Add(new Step($"Aggregated: {total} months in all.", agg.Provision.Source));
                }

                if (agg.Provision.MinimumMonths is { } minimum && own < minimum)
                {
                    if (_explain)
                    {
                        steps?.Add(new Step($"Under {agg.Instrument.Title}, {country} pays nothing for fewer than {minimum} months of its own periods.", agg.Provision.Source));
                    }
                }
                // Also computed when only the age is missing, for the "wait until" option.
                else if ((aggQ.Status == Status.Met || OnlyAgeMissing(aggQ)) && (ownQ.Status != Status.Met || agg.Provision.PayHigher))
                {
                    var minimumPeriod = scheme.Qualifying.MinMonths.At(_entitleDate) is { IsKnown: true } mm ? mm.Value : total;
                    if (agg.Provision.Calculation is Calculation.ProRata or Calculation.ProRataOnMinimum)
                    {
                        // On the minimum: the benefit as if exactly the qualifying period had been completed, shared over
                        // own months plus only the foreign months needed to reach it.
                        var onMinimum = agg.Provision.Calculation == Calculation.ProRataOnMinimum && minimumPeriod < total;
                        var basis = onMinimum ? minimumPeriod : total;
                        var theoretical = Compute(scheme, scheme.Benefit, cov.Runs, basis, _entitleDate);
                        if (theoretical.Amount is { } t)
                        {
                            var ownShare = Months.SharedCount(cov.Runs, otherStates);
                            var share = Math.Round(t * ownShare / basis, 2, MidpointRounding.AwayFromZero);
                            var proRataSteps = new List<Step>(theoretical.Steps);
                            if (_explain)
                            {
                                proRataSteps.Add(new Step(onMinimum
                                    ? $"Pro-rata on the minimum period: the amount for {basis} months ({Fmt(t)} {scheme.Currency}) × {Fmt(ownShare)} own months / {basis} = {Fmt(share)} {scheme.Currency}."
                                    : $"Pro-rata share: theoretical amount {Fmt(t)} {scheme.Currency} × {Fmt(ownShare)}/{total} months = {Fmt(share)} {scheme.Currency}.", agg.Provision.Source));
                                if (ownShare != own)
                                {
                                    proRataSteps.Add(new Step($"Months insured in two states at once are shared equally between them in the pro-rata fraction, so that the fractions of one career never add up to more than one (Strata's convention: the precedence rules of EU Reg. 987/2009 art. 12 are not modelled).", null));
                                }
                            }

                            underInstrument = FormulaResult.Of(share, proRataSteps);
                        }
                        else
                        {
                            underInstrument = theoretical;
                        }
                    }
                    else
                    {
                        underInstrument = Compute(scheme, scheme.Benefit, cov.Runs, own, _entitleDate);
                        if (_explain && underInstrument.Amount is not null)
                        {
                            steps?.Add(new Step($"Direct calculation: aggregation opens the right; {country} pays on its own {own} months.", agg.Provision.Source));
                        }
                    }
                }
            }

            // Choose the amount.
            FormulaResult? chosen = independent;
            var qualified = ownQ.Status == Status.Met;
            if (underInstrument is not null && aggregation is { } used && aggQ?.Status == Status.Met)
            {
                var useInstrument = independent?.Amount is not { } ind || (underInstrument.Amount is { } ui && used.Provision.PayHigher && ui > ind);
                if (independent is null || useInstrument)
                {
                    chosen = underInstrument;
                    qualified = true;
                    decidedBy = used.Instrument.Layer;
                    (instruments ??= []).Add(used.Instrument.Id);
                    if (_explain && independent?.Amount is { } indAmount)
                    {
                        steps?.Add(new Step($"The amount under the instrument ({Fmt(underInstrument.Amount ?? 0)}) is higher than the independent amount ({Fmt(indAmount)}) and is paid.", used.Provision.Source));
                    }
                }
                else if (_explain && independent?.Amount is { } indAmount && underInstrument.Amount is { } ui2)
                {
                    steps?.Add(new Step($"The independent amount ({Fmt(indAmount)}) is not lower than the amount under the instrument ({Fmt(ui2)}) and is paid.", used.Provision.Source));
                }
            }

            var kindQ = aggQ is not null && qualified && ownQ.Status != Status.Met ? aggQ : ownQ;

            // Some periods' coverage is unknown: a denial on too few months could be wrong, so it is unknown instead.
            var unknownPeriods = cov.Unknown ?? otherUnknown;
            if (!qualified && unknownPeriods is not null && (kindQ.MonthsShort > 0 || kindQ.Failures > (kindQ.ReachesAge is null ? 0 : 1)))
            {
                steps?.Add(new Step($"Unknown to Strata: {unknownPeriods.TrimEnd('.', ' ')}. With those periods the conditions might be met, so the outcome is unknown, not a denial.", null));
                return new Determination(country, scheme.Branch, scheme.Id, Outcome.Unknown, null, null, decidedBy, instruments?.ToArray() ?? [],
                    new PeriodCount(own, total), [], null, (IReadOnlyList<Step>?)steps ?? [], (IReadOnlyList<Conflict>?)conflicts ?? []);
            }
            if (kindQ.Status == Status.Unknown || (!qualified && (ownQ.Status == Status.Unknown || aggQ?.Status == Status.Unknown)))
            {
                if (_explain)
                {
                    steps?.Add(new Step($"Unknown to Strata: {(kindQ.Unknown ?? ownQ.Unknown ?? aggQ?.Unknown)?.TrimEnd('.', ' ')}. The outcome is therefore unknown, not a denial.", null));
                }

                return new Determination(country, scheme.Branch, scheme.Id, Outcome.Unknown, null, null, decidedBy, instruments?.ToArray() ?? [],
                    new PeriodCount(own, total), [], null, (IReadOnlyList<Step>?)steps ?? [], (IReadOnlyList<Conflict>?)conflicts ?? []);
            }

            Outcome outcome;
            Amount? amount = null;
            string? toQualify = null;
            if (qualified && chosen is not null)
            {
                outcome = scheme.Benefit.Kind == BenefitKind.Pension ? Outcome.Pension : Outcome.LumpSum;
                steps?.AddRange(chosen.Steps);
                if (chosen.Amount is { } value)
                {
                    // Periods whose coverage is unknown are left out of the amount: it is computed, but marked partial.
                    amount = new Amount(value, scheme.Currency, scheme.Benefit.Kind == BenefitKind.Pension, chosen.Partial || unknownPeriods is not null);
                    if (unknownPeriods is not null)
                    {
                        steps?.Add(new Step($"Some periods are left out because Strata does not know whether they were insured ({unknownPeriods.TrimEnd('.', ' ')}); with them the amount could be higher.", null));
                    }
                }
                else if (_explain)
                {
                    steps?.Add(new Step($"Entitled, but the amount cannot be computed: {chosen.Missing?.TrimEnd('.', ' ')}.", chosen.MissingSource ?? scheme.Benefit.Source));
                }
            }
            else
            {
                // Not entitled to the main benefit: the fallback (e.g. an old-age grant), a prospective pension, or nothing.
                var missing = (aggQ ?? ownQ).Missing;
                toQualify = missing.Count > 0 ? string.Join("; ", missing) : null;

                // Only a denial needs to know which instrument would have helped, and only when explaining.
                string? futureHint = null;
                foreach (var other in _explain ? others : [])
                {
                    if (other != country && withoutInstrument is not null && (futureHint = FutureAggregation(scheme, other)) is not null)
                    {
                        break;
                    }
                }

                if (futureHint is not null)
                {
                    toQualify = toQualify is null ? futureHint : $"{toQualify}; {futureHint}";
                }

                outcome = Outcome.NotEntitled;
                var onlyAge = (aggQ ?? ownQ).MonthsShort == 0 && (aggQ ?? ownQ).ReachesAge is not null && (aggQ ?? ownQ).Failures == 1 && !(aggQ ?? ownQ).AnyUnknown;
                if (onlyAge)
                {
                    var prospective = aggQ is not null && ownQ.MonthsShort > 0 && underInstrument is { } ui ? ui : Compute(scheme, scheme.Benefit, cov.Runs, own, _entitleDate);
                    (options ??= []).Add(new ChoiceOption(
                        _explain ? $"Wait until age {(aggQ ?? ownQ).Age} ({(aggQ ?? ownQ).ReachesAge:yyyy-MM-dd}): the periods already qualify" : "wait",
                        scheme.Benefit.Kind == BenefitKind.Pension ? Outcome.Pension : Outcome.LumpSum,
                        prospective.Amount is { } pv ? new Amount(pv, scheme.Currency, scheme.Benefit.Kind == BenefitKind.Pension, prospective.Partial) : null,
                        null, "nothing now", prospective.Steps));
                }

                var q = aggQ ?? ownQ;
                if (q.NotAtWork && q.Failures == 1 && cov.Runs.Length > 0)
                {
                    var hypothetical = Compute(scheme, scheme.Benefit, cov.Runs, own, _entitleDate);
                    var lastMonth = Months.FirstDay(cov.Runs[^1].End);
                    (options ??= []).Add(new ChoiceOption(
                        _explain ? $"If injured at work while insured in {country} (at the wage of {lastMonth:yyyy-MM})" : "if injured at work",
                        scheme.Benefit.Kind == BenefitKind.Pension ? Outcome.Pension : Outcome.LumpSum,
                        hypothetical.Amount is { } hv ? new Amount(hv, scheme.Currency, scheme.Benefit.Kind == BenefitKind.Pension) : null,
                        null, null, hypothetical.Steps));
                }

                if (scheme.Otherwise is { } fallback)
                {
                    var fallbackConditions = new QualifyingConditions(fallback.MinMonths,
                        fallback.MinAge.IsEmpty ? scheme.Qualifying.MinAge : fallback.MinAge, null, null,
                        fallback.MinAge.IsEmpty ? scheme.Qualifying.MinAgeFemale : null);
                    var fq = Qualify(scheme, fallbackConditions, null, null, cov.Runs, own, country);
                    if (fq.Status == Status.Unknown)
                    {
                        steps?.AddRange(fq.Steps);
                        steps?.Add(new Step($"Unknown to Strata: {fq.Unknown?.TrimEnd('.', ' ')}, on which the fallback benefit depends. The outcome is therefore unknown, not a denial.", fallback.Source));
                        return new Determination(country, scheme.Branch, scheme.Id, Outcome.Unknown, null, null, decidedBy, instruments?.ToArray() ?? [],
                            new PeriodCount(own, total), [], toQualify, (IReadOnlyList<Step>?)steps ?? [], (IReadOnlyList<Conflict>?)conflicts ?? []);
                    }

                    if (fq.Status == Status.NotMet && _explain)
                    {
                        steps?.Add(new Step($"{scheme.Name} also has a fallback benefit, whose conditions are not met either:", fallback.Source));
                        steps?.AddRange(fq.Steps);
                    }

                    if (fq.Status == Status.Met)
                    {
                        var grant = Compute(scheme, fallback, cov.Runs, own, _entitleDate);
                        outcome = fallback.Kind == BenefitKind.Pension ? Outcome.Pension : Outcome.LumpSum;
                        if (_explain)
                        {
                            steps?.Add(new Step($"The conditions for the pension are not met; {scheme.Name} pays instead a {(fallback.Kind == BenefitKind.LumpSum ? "lump sum" : "reduced pension")}.", fallback.Source));
                            steps?.AddRange(fq.Steps);
                            steps?.AddRange(grant.Steps);
                            if (grant.Amount is null)
                            {
                                steps?.Add(new Step($"The amount cannot be computed: {grant.Missing}.", grant.MissingSource ?? fallback.Source));
                            }
                        }

                        amount = grant.Amount is { } g ? new Amount(g, scheme.Currency, fallback.Kind == BenefitKind.Pension, grant.Partial) : null;
                        if (onlyAge)
                        {
                            options?.Clear();
                        }
                    }
                }
            }

            // Refunds to departing foreigners, and the choice they open.
            var refundRuns = scheme.Refund is { Activities.Count: > 0 } filtered ? Cover(scheme, filtered.Activities).Runs : cov.Runs;
            var refundMonths = Months.Count(refundRuns);

            // The refund follows the law of the last contribution month (its cap, premium and rate), not of the claim date.
            var refundLaw = refundRuns.Length > 0 ? Months.FirstDay(refundRuns[^1].End) : _payDate;
            if (scheme.Refund is { } refund && refundMonths > 0 && RefundAvailable(scheme, refund, refundMonths, refundLaw, outcome, ownQ, aggQ))
            {
                var result = Compute(scheme, refund.Benefit, refundRuns, refundMonths, refundLaw);
                var extinguishes = refund.ExtinguishesPeriods.At(refundLaw);
                var refundSteps = new List<Step>();
                if (_explain)
                {
                    refundSteps.Add(new Step($"As a {(refund.Who == RefundEligibility.NonNationals ? "non-national" : "person")} who {(refund.RequiresDeparture ? "has left " + country : "meets the conditions")}, the person may claim a refund from {scheme.Institution}.", refund.Benefit.Source));
                    refundSteps.AddRange(result.Steps);
                    if (result.Amount is null)
                    {
                        refundSteps.Add(new Step($"The refund amount cannot be computed: {result.Missing}.", result.MissingSource ?? refund.Benefit.Source));
                    }

                    refundSteps.Add(extinguishes is { IsKnown: true } ex
                        ? new Step(ex.Value ? "Taking the refund ends these periods: they no longer count for a pension, here or under an agreement." : "Taking the refund does not end these periods.", ex.Source)
                        : new Step("Whether taking the refund ends these periods is unknown.", null));
                }

                var refundAmount = result.Amount is { } r ? new Amount(r, scheme.Currency, false, result.Partial) : (Amount?)null;
                var cost = extinguishes is { IsKnown: true, Value: true } ? "ends these periods for any later pension or aggregation" : null;
                if (outcome == Outcome.NotEntitled)
                {
                    var keepSteps = new List<Step>(_explain ? [new Step($"Keep the {refundMonths} months: {(toQualify is null ? "they stay on record" : "they would count if " + toQualify)}.", null)] : []);
                    (options ??= []).Add(new ChoiceOption("Keep the periods for a later pension or aggregation", Outcome.NotEntitled, null, null,
                        "no payment now", keepSteps));
                    outcome = Outcome.Refund;
                    amount = refundAmount;
                    steps?.AddRange(refundSteps);
                }
                else
                {
                    (options ??= []).Add(new ChoiceOption("Take the refund instead", Outcome.Refund, refundAmount, true,
                        cost ?? "gives up the benefit above", refundSteps));
                }
            }

            // Payment while living abroad.
            bool? exportable = null;
            string? exportedThrough = null;
            if (outcome is Outcome.Pension or Outcome.LumpSum or Outcome.Refund)
            {
                exportable = Export(scheme, outcome, steps, conflicts, ref instruments, ref decidedBy, out exportedThrough);
            }

            if (toQualify is not null && _explain)
            {
                steps?.Add(new Step($"What would change this: {toQualify}.", null));
            }

            return new Determination(country, scheme.Branch, scheme.Id, outcome, amount, exportable, decidedBy, instruments is null ? [] : instruments.Distinct().ToArray(),
                new PeriodCount(own, total), (IReadOnlyList<ChoiceOption>?)options ?? [], toQualify, (IReadOnlyList<Step>?)steps ?? [], (IReadOnlyList<Conflict>?)conflicts ?? [],
                cov.EqualityFrom?.Id, aggregation?.Instrument.Id, exportedThrough, assumptions);

        }

        private static bool OnlyAgeMissing(Qualification q) => q.Failures == 1 && q.ReachesAge is not null && q.MonthsShort == 0 && !q.AnyUnknown;

        private static string Fmt(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

        private static string? NotCoveredHint(Coverage cov) =>
            cov.Excluded?.Contains("undocumented", StringComparison.Ordinal) == true ? "documented (authorised) work would be insured" : null;

        private bool RefundAvailable(Scheme scheme, RefundRule refund, int own, DateOnly lawDate, Outcome outcome, Qualification ownQ, Qualification? aggQ)
        {
            if (refund.Who == RefundEligibility.NonNationals && c.Person.IsNationalOf(scheme.Country))
            {
                return false;
            }

            if (refund.RequiresDeparture && c.Person.Residence == scheme.Country)
            {
                return false;
            }

            if (refund.Nationalities.Count > 0 && !c.Person.Nationalities.Any(refund.Nationalities.Contains))
            {
                return false;
            }

            // The refund's own minimum comes first; an unknown minimum does not open a refund Strata cannot vouch for.
            if (refund.Benefit.MinMonths.At(lawDate) is { } min && (!min.IsKnown || own < min.Value))
            {
                return false;
            }

            if (refund.AlsoWhenQualified)
            {
                return outcome != Outcome.Pension;
            }

            // A refund of a pension scheme is for those who cannot reach the pension: once the qualifying period is
            // met (alone or aggregated), the periods are worth a pension, not a refund.
            var monthsMet = ownQ.MonthsShort == 0 && ownQ.Status != Status.Unknown
                || (aggQ is not null && aggQ.MonthsShort == 0 && aggQ.Status != Status.Unknown);
            return scheme.Benefit.Kind != BenefitKind.Pension || (!monthsMet && outcome != Outcome.Pension);
        }

        private string? FutureAggregation(Scheme scheme, string other)
        {
            Instrument? previous = null;
            foreach (var (instrument, provision) in kb.ProvisionsFor(scheme.Id))
            {
                if ((provision.Grants & Principle.Aggregation) == 0 || ReferenceEquals(instrument, previous))
                {
                    continue;
                }

                previous = instrument;

                var fromA = instrument.BindsFrom(scheme.Country, scheme.Branch);
                var fromB = instrument.BindsFrom(other, scheme.Branch);
                if (!instrument.Binding)
                {
                    if (instrument.IsConvention || instrument.Parties.Contains(other))
                    {
                        return $"{instrument.Title} would allow aggregation with {other} but is not binding";
                    }

                    continue;
                }

                if (fromA is { } a && fromB is { } b && (a > _entitleDate || b > _entitleDate))
                {
                    var later = a > b ? a : b;
                    return $"{instrument.Title} would allow aggregation with {other} but enters into force on {later:yyyy-MM-dd}";
                }

                if (instrument.IsConvention && instrument.Layer == Layer.International && (fromA is null ^ fromB is null))
                {
                    var missing = fromA is null ? scheme.Country : other;
                    return $"ratification of {instrument.Title} by {missing} would allow aggregation with {other}";
                }
            }

            return null;
        }

        private bool? Export(Scheme scheme, Outcome outcome, List<Step>? steps, List<Conflict>? conflicts, ref List<string>? instruments, ref Layer decidedBy,
            out string? exportedThrough)
        {
            exportedThrough = null;
            var residence = c.Person.Residence;
            if (residence == scheme.Country)
            {
                if (_explain)
                {
                    steps?.Add(new Step($"The person lives in {residence}: paid where they live.", null));
                }

                return true;
            }

            if (outcome == Outcome.Refund && scheme.Refund is { RequiresDeparture: true } r)
            {
                if (_explain)
                {
                    steps?.Add(new Step($"The refund is paid after leaving {scheme.Country}, to the person in {residence}.", r.Benefit.Source));
                }

                return true;
            }

            var domestic = scheme.PaidAbroad.At(_payDate);
            if (domestic is { IsKnown: true, Value: true })
            {
                if (_explain)
                {
                    steps?.Add(new Step($"{scheme.Country} law pays this benefit to persons living abroad ({residence}).", domestic.Source));
                }

                return true;
            }

            var export = FindInstrument(scheme, Principle.Export, _payDate, null, residence) ?? FindConventionExport(scheme);
            if (export is { } found)
            {
                exportedThrough = found.Instrument.Id;
                (instruments ??= []).Add(found.Instrument.Id);
                if (decidedBy == Layer.Domestic)
                {
                    decidedBy = found.Instrument.Layer;
                }

                if (_explain)
                {
                    steps?.Add(new Step($"{found.Instrument.Title} requires payment while the person lives in {residence} (export of benefits).", found.Provision.Source));
                    if (domestic is { IsKnown: true, Value: false })
                    {
                        conflicts?.Add(new Conflict($"{scheme.Country} law does not pay this benefit abroad, but {found.Instrument.Title} requires export; the binding instrument prevails.",
                            [domestic.Source!, found.Provision.Source]));
                    }
                }

                return true;
            }

            if (domestic is { IsKnown: true, Value: false })
            {
                if (_explain)
                {
                    steps?.Add(new Step($"{scheme.Country} law does not pay this benefit to a person living in {residence}, and no instrument in force requires it.", domestic.Source));
                    if (!c.Person.IsNationalOf(scheme.Country) && FindInstrument(scheme, Principle.Equality, _payDate, c.Person.Nationalities, null) is { } equal)
                    {
                        conflicts?.Add(new Conflict($"{equal.Instrument.Title} requires equality of treatment with nationals of {equal.Other}; if {scheme.Country} pays its own nationals abroad, stopping payment for a non-national who leaves may breach it (the ILO supervisory bodies have said so for C19). Strata keeps the domestic rule and reports the disagreement.",
                            [domestic.Source!, equal.Provision.Source]));
                    }
                }

                return false;
            }

            if (_explain)
            {
                steps?.Add(new Step($"Whether {scheme.Country} pays this benefit to a person living in {residence} is unknown{(domestic is { IsKnown: false } u ? $" ({u.Unknown})" : "")}.", null));
            }

            return null;
        }

        // Conventions (C118 art. 5, C157) guarantee export to nationals of a bound state wherever they live.
        private Found? FindConventionExport(Scheme scheme)
        {
            foreach (var nationality in c.Person.NationalitySpan)
            {
                if (nationality == scheme.Country)
                {
                    continue;
                }

                foreach (var (instrument, provision) in kb.Candidates(scheme, Principle.Export, nationality))
                {
                    if (instrument.Binding && instrument.IsConvention && instrument.InForceBetween(scheme.Country, nationality, scheme.Branch, _payDate))
                    {
                        return new Found(instrument, provision, nationality);
                    }
                }
            }

            return null;
        }
    }
}
