using System.Buffers.Text;
using System.Security.Cryptography;

namespace Strata.Web.Storage;

/// <summary>
/// Capability tokens for saved cases: 128 random bits from the operating system's CSPRNG, base64url without padding
/// (22 characters), so a link can be neither guessed nor enumerated.
/// </summary>
public static class CaseTokens
{
    /// <summary>Random bytes in a token.</summary>
    public const int Bytes = 16;

    /// <summary>Characters in a token.</summary>
    public const int Length = 22;

    /// <summary>A new token.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>Whether the text has the shape of a token, so that malformed ones never reach the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
