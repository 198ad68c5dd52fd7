using Strata.Knowledge.Cases;
using Strata.Web.Pages;

namespace Strata.Web.Tests.Pages;

public sealed class CaseFormTests
{
    [Theory]
    [InlineData("myanmar-worker-in-thailand.yaml")]
    [InlineData("filipino-japan-philippines.yaml")]
    [InlineData("worker-in-singapore.yaml")]
    public void FromCase_Example_ToCaseJsonReadsAsTheSameCase(string example)
    {
        var original = CaseFile.Load(Path.Combine(Repository.Examples, example)).GetValueOrThrow();

        var again = CaseFile.Parse("form", CaseForm.FromCase(original).ToCaseJson()).GetValueOrThrow();

        Assert.Equal(original.Person.Born, again.Person.Born);
        Assert.Equal(original.Person.Sex, again.Person.Sex);
        Assert.Equal(original.Person.Nationalities, again.Person.Nationalities);
        Assert.Equal(original.Person.Residence, again.Person.Residence);
        Assert.Equal(original.Claim.Date, again.Claim.Date);
        Assert.Equal(original.Claim.ContingencyDate, again.Claim.ContingencyDate);
        Assert.Equal(original.Claim.Branches, again.Claim.Branches);
        Assert.Equal(original.Career.Count, again.Career.Count);
        for (var i = 0; i < original.Career.Count; i++)
        {
            var (a, b) = (original.Career[i], again.Career[i]);
            Assert.Equal((a.Country, a.From, a.To, a.Activity, a.PostedFrom, a.Documented, a.MonthlyWage, a.Currency, a.Scheme, a.Sector),
                (b.Country, b.From, b.To, b.Activity, b.PostedFrom, b.Documented, b.MonthlyWage, b.Currency, b.Scheme, b.Sector));
        }
    }

    [Fact]
    public void ToCaseJson_BlankFields_AreLeftOutSoTheReaderSaysRequired()
    {
        var problems = CaseFile.Parse("calculator", new CaseForm { Periods = [new PeriodForm()] }.ToCaseJson()).Problems;

        Assert.Contains(problems, p => p.Field == "person.born" && p.Message == "is required");
        Assert.Contains(problems, p => p.Field == "claim.date" && p.Message == "is required");
        Assert.Contains(problems, p => p.Field == "career[0].country" && p.Message == "is required");
    }

    [Fact]
    public void ToCaseJson_WageThatIsNotANumber_IsSentAsTextForTheReaderToName()
    {
        var form = new CaseForm { Periods = [new PeriodForm { Wage = "15,000" }] };

        var problems = CaseFile.Parse("calculator", form.ToCaseJson()).Problems;

        Assert.Contains(problems, p => p.Field == "career[0].wage" && p.Message.Contains("15,000", StringComparison.Ordinal));
    }

    [Fact]
    public void ToCaseJson_PostedFromWithoutPosting_IsNotSent()
    {
        var json = new CaseForm { Periods = [new PeriodForm { Country = "TH", PostedFrom = "MM" }] }.ToCaseJson();

        Assert.DoesNotContain("postedFrom", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCaseJson_AllOrNoBranches_LeavesTheDefaultOfAllNine()
    {
        Assert.DoesNotContain("branches", CaseForm.Blank(new DateOnly(2025, 1, 1)).ToCaseJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("branches", new CaseForm().ToCaseJson(), StringComparison.Ordinal);
        Assert.Contains("\"branches\": [\n      \"old-age\"\n    ]", new CaseForm { Branches = ["old-age"] }.ToCaseJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("person.born", "born", "Date of birth")]
    [InlineData("person.nationalities[0]", "nationality", "Nationality")]
    [InlineData("claim.date", "claim-date", "Claim date")]
    [InlineData("career[2].to", "period-2-to", "Period 3, last day")]
    [InlineData("career[0].postedFrom", "period-0-posted-from", "Period 1, sent from")]
    [InlineData("career[1]", "period-1", "Period 2")]
    // No field: the problem is about the whole document.
    [InlineData("", null, "Case")]
    public void Locate_ProblemField_ElementAndWords(string field, string? id, string label)
    {
        Assert.Equal((id, label), CaseForm.Locate(field));
    }
}
