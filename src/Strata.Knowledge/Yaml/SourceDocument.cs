using System.Globalization;
using Strata.Knowledge.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Strata.Knowledge.Yaml;

/// <summary>A parsed YAML (or JSON) file and the problems found while reading it.</summary>
internal sealed class SourceDocument
{
    private SourceDocument(string file, YamlNode? root, List<Problem> problems)
    {
        File = file;
        Root = root;
        Problems = problems;
    }

    public string File { get; }

    public YamlNode? Root { get; }

    public List<Problem> Problems { get; }

    /// <summary>Parses text; JSON is read as YAML flow style, so both formats share one reader and one set of messages.</summary>
    public static SourceDocument Parse(string file, string text)
    {
        var problems = new List<Problem>();
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            if (stream.Documents.Count > 1)
            {
                problems.Add(new Problem(file, (int)stream.Documents[1].RootNode.Start.Line, "", "holds more than one document; put one per file"));
            }

            if (root is null or YamlScalarNode { Value: null or "" })
            {
                problems.Add(new Problem(file, 0, "", "is empty"));
                root = null;
            }

            return new SourceDocument(file, root, problems);
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Split(['\r', '\n'])[0];
            problems.Add(new Problem(file, (int)e.Start.Line, "", string.Format(CultureInfo.InvariantCulture, Messages.Syntax, message)));
            return new SourceDocument(file, null, problems);
        }
    }

    public void Error(YamlNode? node, string field, string message) =>
        Problems.Add(new Problem(File, node is null ? 0 : (int)node.Start.Line, field, message));

    public MapReader? RootMap() => Root is null ? null : MapReader.Of(this, Root, "", required: true);
}

/// <summary>Reads the fields of one mapping, recording a located problem for each bad or unknown field.</summary>
internal sealed class MapReader
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private MapReader(SourceDocument doc, YamlMappingNode node, string path)
    {
        Doc = doc;
        Node = node;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                _entries[name] = (key, value);
            }
        }
    }

    public SourceDocument Doc { get; }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public static MapReader? Of(SourceDocument doc, YamlNode node, string path, bool required = true)
    {
        if (node is YamlMappingNode map)
        {
            return new MapReader(doc, map, path);
        }

        if (required)
        {
            doc.Error(node, path, Messages.NotAMap);
        }

        return null;
    }

    public string Field(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => _entries.ContainsKey(key) && !IsNull(_entries[key].Value);

    public YamlNode? Get(string key) => _entries.TryGetValue(key, out var e) && !IsNull(e.Value) ? e.Value : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "null" or "~", Style: not ScalarStyle.SingleQuoted and not ScalarStyle.DoubleQuoted };

    /// <summary>Reports every field not in <paramref name="allowed"/>: a misspelt field must never be silently ignored.</summary>
    public void Only(params string[] allowed)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Doc.Error(key, Field(name), string.Format(CultureInfo.InvariantCulture, Messages.UnknownField, string.Join(", ", allowed)));
            }
        }
    }

    public void Missing(string key) => Doc.Error(Node, Field(key), Messages.Required);

    public string? String(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Doc.Error(node, Field(key), Messages.NotAScalar);
            return null;
        }

        return scalar.Value;
    }

    /// <summary>Reads an ISO 3166-1 alpha-2 country code, reporting an unknown one.</summary>
    public string? Country(string key, bool required = false)
    {
        var code = String(key, required);
        if (code is not null && !Codes.IsCountry(code))
        {
            Doc.Error(Get(key), Field(key), string.Format(CultureInfo.InvariantCulture, Messages.BadCountry, code));
            return null;
        }

        return code;
    }

    public DateOnly? Date(string key, bool required = false) => Scalar<DateOnly>(key, required, Messages.BadDate, TryDate);

    public int? Int(string key, bool required = false, bool nonNegative = true)
    {
        var value = Scalar<int>(key, required, Messages.BadInteger, (string s, out int v) =>
            int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));
        if (nonNegative && value < 0)
        {
            Doc.Error(Get(key), Field(key), string.Format(CultureInfo.InvariantCulture, Messages.Negative, value));
            return null;
        }

        return value;
    }

    public decimal? Decimal(string key, bool required = false, bool nonNegative = true)
    {
        var value = Scalar<decimal>(key, required, Messages.BadNumber, TryDecimal);
        if (nonNegative && value < 0)
        {
            Doc.Error(Get(key), Field(key), string.Format(CultureInfo.InvariantCulture, Messages.Negative, value));
            return null;
        }

        return value;
    }

    public bool? Bool(string key, bool required = false) => Scalar<bool>(key, required, Messages.BadBoolean, (string s, out bool v) =>
    {
        v = s is "true" or "True" or "yes";
        return s is "true" or "false" or "True" or "False" or "yes" or "no";
    });

    public MapReader? Map(string key, bool required = false)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        return Of(Doc, node, Field(key));
    }

    /// <summary>The items of a list field, each with its path.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> List(string key, bool required = false, bool allowSingle = false)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                Missing(key);
            }

            return [];
        }

        if (node is YamlSequenceNode seq)
        {
            return seq.Children.Select((n, i) => (n, $"{Field(key)}[{i}]")).ToArray();
        }

        if (allowSingle)
        {
            return [(node, Field(key))];
        }

        Doc.Error(node, Field(key), Messages.NotAList);
        return [];
    }

    /// <summary>The scalar strings of a list field.</summary>
    public IReadOnlyList<(string Value, YamlNode Node, string Path)> Strings(string key, bool required = false)
    {
        var result = new List<(string, YamlNode, string)>();
        foreach (var (node, path) in List(key, required))
        {
            if (node is YamlScalarNode { Value: { } v })
            {
                result.Add((v, node, path));
            }
            else
            {
                Doc.Error(node, path, Messages.NotAScalar);
            }
        }

        return result;
    }

    /// <summary>
    /// The values of a list field that must each be one of a closed set (branches, activities, sectors): each value
    /// outside the set is reported at its own line, naming the accepted values, and left out.
    /// </summary>
    public List<T> Choices<T>(string key, TryParse<T> parse, string accepted, bool required = false)
    {
        var result = new List<T>();
        foreach (var (value, node, path) in Strings(key, required))
        {
            if (parse(value, out var parsed))
            {
                result.Add(parsed);
            }
            else
            {
                Doc.Error(node, path, string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, value, accepted));
            }
        }

        return result;
    }

    /// <summary>Parses one scalar's text.</summary>
    public delegate bool TryParse<T>(string text, out T value);

    private T? Scalar<T>(string key, bool required, string badFormat, TryParse<T> parse)
        where T : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        Doc.Error(Get(key), Field(key), string.Format(CultureInfo.InvariantCulture, badFormat, text));
        return null;
    }

    /// <summary>Parses an ISO date between 1850 and 2200: no law outside those years is modelled, and far dates would overflow date arithmetic.</summary>
    public static bool TryDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
        && value.Year is >= 1850 and <= 2200;

    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
