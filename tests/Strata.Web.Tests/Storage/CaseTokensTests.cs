using Strata.Web.Storage;

namespace Strata.Web.Tests.Storage;

public sealed class CaseTokensTests
{
    [Fact]
    public void New_ThousandTokens_AreDistinctWellFormedBase64Url()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => CaseTokens.New()).ToArray();

        Assert.Equal(1000, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.True(CaseTokens.IsWellFormed(t), t));
        Assert.All(tokens, t => Assert.Equal(16, System.Buffers.Text.Base64Url.DecodeFromChars(t).Length));
    }

    [Theory]
    [InlineData(null)] // absent
    [InlineData("")] // empty
    [InlineData("AAAAAAAAAAAAAAAAAAAAA")] // 21 characters
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")] // 23 characters
    [InlineData("AAAAAAAAAAAAAAAAAAAA+/")] // base64, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAA==")] // padded
    public void IsWellFormed_NotAToken_False(string? token) => Assert.False(CaseTokens.IsWellFormed(token));
}
