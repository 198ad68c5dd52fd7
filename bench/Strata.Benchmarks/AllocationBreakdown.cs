using System.Globalization;
using Strata.Cases;
using Strata.Evaluation;
using Strata.Knowledge.Loading;
using Strata.Law;

namespace Strata.Benchmarks;

/// <summary>Bytes allocated per career, branch by branch, to see where the fast path spends its memory.</summary>
public static class AllocationBreakdown
{
    public static int Run()
    {
        var kb = KnowledgeLoader.Load(Throughput.KnowledgeDirectory()).GetValueOrThrow();
        var cases = SyntheticCareers.Generate(2000, 42);
        foreach (var branch in BranchNames.All)
        {
            var only = cases.Select(c => new Case(c.Person, c.Career, new Claim(c.Claim.Date, [branch], c.Claim.ContingencyDate))).ToArray();
            foreach (var c in only.Take(200))
            {
                Evaluator.Evaluate(kb, c, EvaluationOptions.Fast);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var c in only)
            {
                Evaluator.Evaluate(kb, c, EvaluationOptions.Fast);
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-18} {1,8:N0} bytes per career", branch.ToName(), (GC.GetAllocatedBytesForCurrentThread() - before) / only.Length));
        }

        // One scheme at a time: the same career evaluated repeatedly, restricted to one country and branch.
        var sample = cases[7];
        foreach (var period in sample.Career)
        {
            foreach (var branch in new[] { Branch.OldAge, Branch.EmploymentInjury })
            {
                var one = new Case(sample.Person, [period], new Claim(sample.Claim.Date, [branch], sample.Claim.ContingencyDate));
                var d = Evaluator.Evaluate(kb, one, EvaluationOptions.Fast);
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < 1000; i++)
                {
                    Evaluator.Evaluate(kb, one, EvaluationOptions.Fast);
                }

                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} {1,-18} {2,8:N0} bytes: {3}", period.Country, branch.ToName(),
                    (GC.GetAllocatedBytesForCurrentThread() - before) / 1000, string.Join(", ", d.Determinations.Select(x => $"{x.Scheme} {x.Outcome}"))));
            }
        }

        return 0;
    }
}
