namespace Strata.Knowledge.Loading;

/// <summary>Texts of validation messages, kept in one place so they stay consistent and tests can assert them.</summary>
internal static class Messages
{
    public const string Required = "is required";
    public const string NotAMap = "must be a mapping of fields";
    public const string NotAList = "must be a list";
    public const string NotAScalar = "must be a single value";
    public const string UnknownField = "is not a known field (accepted: {0})";
    public const string BadDate = "'{0}' is not a date between 1850 and 2200 (expected YYYY-MM-DD, e.g. 2024-12-31)";
    public const string BadInteger = "'{0}' is not a whole number";
    public const string BadNumber = "'{0}' is not a number";
    public const string BadBoolean = "'{0}' is not true or false";
    public const string Negative = "must not be negative (got {0})";
    public const string BadCountry = "'{0}' is not an ISO 3166-1 alpha-2 country code";
    public const string BadCurrency = "'{0}' is not an active ISO 4217 currency code";
    public const string BadChoice = "'{0}' is not one of {1}";
    public const string EndBeforeStart = "ends ({0}) before it starts ({1})";
    public const string Duplicate = "'{0}' is already defined in {1}";
    public const string Overlap = "overlaps the fact valid {0}; facts of one parameter must not overlap";
    public const string Gap = "leaves a gap from {0} to {1} after the previous fact: record those days as an unknown fact, or add afterGap: \"why\"";
    public const string TooLarge = "the file is {0:N0} bytes; the limit is {1:N0} bytes";
    public const string Syntax = "is not valid YAML or JSON: {0}";
    public const string UnknownSource = "refers to source '{0}', which is not declared under 'sources'";
    public const string UnknownReference = "refers to {0} '{1}', which is not in the knowledge base";
    public const string FutureDate = "'{0}' is after today ({1})";
}
