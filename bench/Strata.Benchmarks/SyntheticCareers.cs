using Strata.Cases;

namespace Strata.Benchmarks;

/// <summary>Deterministic synthetic careers: three countries each, drawn from the seed countries, with local wages.</summary>
public static class SyntheticCareers
{
    private static readonly (string Country, string Currency, int MinWage, int MaxWage)[] Places =
    [
        ("TH", "THB", 9000, 40000), ("MM", "MMK", 150000, 600000), ("PH", "PHP", 8000, 40000),
        ("JP", "JPY", 180000, 600000), ("SG", "SGD", 1200, 6000), ("MY", "MYR", 1500, 6000),
    ];

    private static readonly string[] Nationalities = ["MM", "PH", "KH", "LA", "ID", "VN", "TH"];

    /// <summary>Generates careers; the same seed gives the same careers.</summary>
    /// <param name="count">Number of careers.</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>The cases.</returns>
    public static Case[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var cases = new Case[count];
        for (var i = 0; i < count; i++)
        {
            var born = new DateOnly(1955 + random.Next(0, 40), 1 + random.Next(0, 12), 1 + random.Next(0, 28));
            var nationality = Nationalities[random.Next(Nationalities.Length)];
            var start = born.AddYears(18 + random.Next(0, 10));
            var career = new List<CareerPeriod>(3);
            var used = new HashSet<string>();
            for (var p = 0; p < 3; p++)
            {
                var place = Places[random.Next(Places.Length)];
                while (!used.Add(place.Country))
                {
                    place = Places[random.Next(Places.Length)];
                }

                var months = 6 + random.Next(0, 180);
                var end = start.AddMonths(months).AddDays(-1);
                career.Add(new CareerPeriod(place.Country, start, end, Activity.Employed, null, random.NextDouble() > 0.15,
                    random.Next(place.MinWage, place.MaxWage), place.Currency));
                start = end.AddDays(1 + random.Next(0, 365));
            }

            var claim = born.AddYears(55 + random.Next(0, 12));
            var residence = random.NextDouble() < 0.7 ? nationality : career[^1].Country;
            cases[i] = new Case(new Person(born, [nationality], residence), career, new Claim(claim));
        }

        return cases;
    }
}
