using Strata.Knowledge.Cases;
using Strata.Knowledge.Loading;

namespace Strata.Knowledge.Tests.Cases;

public class CaseFileTests
{
    private const string Valid = """
        strata: case/v1
        person:
          born: 1970-03-15
          nationalities: [MM]
          residence: MM
        career:
          - country: TH
            from: 2010-01-01
            to: 2024-12-31
            wage: 15000
        claim:
          date: 2025-06-01
        """;

    private static Problem Single(string text)
    {
        var result = CaseFile.Parse("case.yaml", text);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void Parse_ValidYaml_GivesTheCase()
    {
        var result = CaseFile.Parse("case.yaml", Valid);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var period = Assert.Single(result.Value!.Career);
        Assert.Equal("THB", period.Currency);
        Assert.True(period.Documented);
        Assert.Equal(9, result.Value.Claim.Branches.Count);
    }

    [Fact]
    public void Parse_SameCaseAsJson_GivesTheSameCase()
    {
        const string json = """
            { "strata": "case/v1",
              "person": { "born": "1970-03-15", "nationalities": ["MM"], "residence": "MM" },
              "career": [ { "country": "TH", "from": "2010-01-01", "to": "2024-12-31", "wage": 15000 } ],
              "claim": { "date": "2025-06-01" } }
            """;
        var result = CaseFile.Parse("case.json", json);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(15000m, result.Value!.Career[0].MonthlyWage);
    }

    [Fact]
    public void Parse_MalformedYaml_ReportsLine()
    {
        var p = Single("strata: case/v1\nperson: [unclosed\n");
        Assert.Equal(3, p.Line);
        Assert.StartsWith("is not valid YAML or JSON", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsLine()
    {
        var p = Single("{ \"strata\": \"case/v1\",\n  \"person\": { \"born\": \"1970-01-01\" \n");
        Assert.True(p.Line >= 2);
        Assert.StartsWith("is not valid YAML or JSON", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCountry_NamesFieldAndLine()
    {
        var p = Single(Valid.Replace("country: TH", "country: XX", StringComparison.Ordinal));
        Assert.Equal(("career[0].country", 7), (p.Field, p.Line));
        Assert.Equal("'XX' is not an ISO 3166-1 alpha-2 country code", p.Message);
    }

    [Fact]
    public void Parse_UnknownCurrency_NamesField()
    {
        var p = Single(Valid.Replace("wage: 15000", "wage: 15000\n    currency: BAHT", StringComparison.Ordinal));
        Assert.Equal("career[0].currency", p.Field);
        Assert.Equal("'BAHT' is not an active ISO 4217 currency code", p.Message);
    }

    [Fact]
    public void Parse_EndBeforeStart_IsReported()
    {
        var p = Single(Valid.Replace("to: 2024-12-31", "to: 2009-12-31", StringComparison.Ordinal));
        Assert.Equal(("career[0].to", 9), (p.Field, p.Line));
        Assert.Equal("ends (2009-12-31) before it starts (2010-01-01)", p.Message);
    }

    [Fact]
    public void Parse_OverlappingPeriodsInOneCountry_AreReported()
    {
        var text = Valid.Replace("claim:", "  - country: TH\n    from: 2020-01-01\n    to: 2025-01-31\nclaim:", StringComparison.Ordinal);
        var p = Single(text);
        Assert.Equal("career[1].from", p.Field);
        Assert.Contains("overlaps career[0]", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NegativeWage_IsReported()
    {
        var p = Single(Valid.Replace("wage: 15000", "wage: -15000", StringComparison.Ordinal));
        Assert.Equal("career[0].wage", p.Field);
        Assert.Equal("must not be negative (got -15000)", p.Message);
    }

    [Fact]
    public void Parse_ImpossibleDate_IsReported()
    {
        var p = Single(Valid.Replace("date: 2025-06-01", "date: 2025-02-30", StringComparison.Ordinal));
        Assert.Equal("claim.date", p.Field);
        Assert.Equal("'2025-02-30' is not a date between 1850 and 2200 (expected YYYY-MM-DD, e.g. 2024-12-31)", p.Message);
    }

    [Fact]
    public void Parse_MissingRequiredField_IsReported()
    {
        var p = Single(Valid.Replace("  residence: MM\n", "", StringComparison.Ordinal));
        Assert.Equal("person.residence", p.Field);
        Assert.Equal("is required", p.Message);
    }

    [Fact]
    public void Parse_UnknownField_IsReportedNotIgnored()
    {
        var p = Single(Valid.Replace("wage: 15000", "wages: 15000", StringComparison.Ordinal));
        Assert.Equal(("career[0].wages", 10), (p.Field, p.Line));
        Assert.StartsWith("is not a known field (accepted: country, from, to,", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReported()
    {
        var text = Valid.Replace("country: TH", "country: XX", StringComparison.Ordinal).Replace("wage: 15000", "wage: -1", StringComparison.Ordinal)
            .Replace("date: 2025-06-01", "date: tomorrow", StringComparison.Ordinal);
        Assert.Equal(3, CaseFile.Parse("case.yaml", text).Problems.Count);
    }

    [Fact]
    public void Parse_PostedWithoutSendingState_IsReported()
    {
        var p = Single(Valid.Replace("wage: 15000", "wage: 15000\n    activity: posted", StringComparison.Ordinal));
        Assert.Equal("career[0].postedFrom", p.Field);
    }

    [Fact]
    public void Load_HugeFile_IsRefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"strata-huge-{Guid.NewGuid():N}.yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        try
        {
            var p = Assert.Single(CaseFile.Load(path).Problems);
            Assert.Equal(0, p.Line);
            Assert.Equal("the file is 52,428,800 bytes; the limit is 1,000,000 bytes", p.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_BornAfterTheClaim_IsReported()
    {
        var p = Single(Valid.Replace("born: 1970-03-15", "born: 2026-01-01", StringComparison.Ordinal).Replace("from: 2010-01-01", "from: 2026-02-01", StringComparison.Ordinal)
            .Replace("to: 2024-12-31", "to: 2026-03-01", StringComparison.Ordinal));
        Assert.Equal("claim.date", p.Field);
        Assert.StartsWith("(2025-06-01) is before the person was born", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ContingencyAfterTheClaim_IsReported()
    {
        var p = Single(Valid.Replace("date: 2025-06-01", "date: 2025-06-01\n  contingencyDate: 2025-07-01", StringComparison.Ordinal));
        Assert.Equal("claim.contingencyDate", p.Field);
    }

    [Fact]
    public void Parse_FarFutureDate_IsRefusedBeforeArithmeticCanOverflow()
    {
        var p = Single(Valid.Replace("date: 2025-06-01", "date: 9999-12-31", StringComparison.Ordinal));
        Assert.Equal("claim.date", p.Field);
    }

    [Fact]
    public void Parse_HugeWage_IsRefused()
    {
        var p = Single(Valid.Replace("wage: 15000", "wage: 10000000000000000000000000", StringComparison.Ordinal));
        Assert.Equal("career[0].wage", p.Field);
    }

    [Fact]
    public void Parse_CountryWithoutDefaultCurrency_AsksForOne()
    {
        var p = Single(Valid.Replace("country: TH", "country: AQ", StringComparison.Ordinal));
        Assert.Equal("career[0].currency", p.Field);
        Assert.Equal("is required: no default currency is known for AQ", p.Message);
    }

    [Fact]
    public void Parse_Turkey_HasItsCurrency() =>
        Assert.True(CaseFile.Parse("case.yaml", Valid.Replace("country: TH", "country: TR", StringComparison.Ordinal)).Succeeded);

    [Fact]
    public void Problem_ToString_IsFileLineFieldMessage() =>
        Assert.Equal("case.yaml:8: career[0].country: bad", new Problem("case.yaml", 8, "career[0].country", "bad").ToString());
}
