using System.Globalization;
using Strata.Knowledge.Yaml;
using Strata.Law;
using Strata.Schemes;
using YamlDotNet.RepresentationModel;

namespace Strata.Knowledge.Loading;

/// <summary>Reads sources and dated facts of one file.</summary>
internal sealed class FactReader
{
    private static readonly string[] SourceFields = ["title", "url", "checked", "publisher", "article", "note"];
    private readonly Dictionary<string, (string Title, string Url, DateOnly Checked)> _sources = new(StringComparer.Ordinal);
    private readonly DateOnly? _today;

    public FactReader(SourceDocument doc, MapReader root, DateOnly? today)
    {
        Doc = doc;
        _today = today;
        var sources = root.Map("sources");
        if (sources is null)
        {
            return;
        }

        foreach (var (key, value) in sources.Node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var map = MapReader.Of(doc, value, sources.Field(name));
            if (map is null)
            {
                continue;
            }

            map.Only(SourceFields);
            var title = map.String("title", required: true);
            var url = map.String("url", required: true);
            var @checked = CheckedDate(map);
            if (title is not null && url is not null && @checked is { } c)
            {
                _sources[name] = (title, url, c);
            }
        }
    }

    public SourceDocument Doc { get; }

    public int SourceCount => _sources.Count;

    private DateOnly? CheckedDate(MapReader map)
    {
        var date = map.Date("checked", required: true);
        if (date is { } d && _today is { } today && d > today)
        {
            Doc.Error(map.Get("checked"), map.Field("checked"), string.Format(CultureInfo.InvariantCulture, Messages.FutureDate, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return date;
    }

    /// <summary>Reads a <c>source:</c> field: <c>{ ref, article }</c> or an inline source.</summary>
    public Source? Source(MapReader parent, string key = "source", bool required = true)
    {
        var map = parent.Map(key, required);
        if (map is null)
        {
            return null;
        }

        var article = map.String("article") ?? "";
        if (map.Has("ref"))
        {
            map.Only("ref", "article", "note");
            var name = map.String("ref")!;
            if (_sources.TryGetValue(name, out var s))
            {
                return new Source(s.Title, article, s.Url, s.Checked);
            }

            Doc.Error(map.Get("ref"), map.Field("ref"), string.Format(CultureInfo.InvariantCulture, Messages.UnknownSource, name));
            return null;
        }

        map.Only(SourceFields);
        var title = map.String("title", required: true);
        var url = map.String("url", required: true);
        var @checked = CheckedDate(map);
        return title is null || url is null || @checked is null ? null : new Source(title, article, url, @checked.Value);
    }

    /// <summary>Reads a parameter: one fact or a list of facts, none overlapping.</summary>
    public FactSeries<T>? Series<T>(MapReader parent, string key, Func<MapReader, T?> readValue, string[] valueFields, bool required = false,
        Func<Fact<T>, Fact<T>, bool>? overlapAllowed = null)
    {
        var items = parent.List(key, required, allowSingle: true);
        if (items.Count == 0)
        {
            return parent.Has(key) || !required ? (parent.Has(key) ? FactSeries<T>.Empty : null) : null;
        }

        var facts = new List<(Fact<T> Fact, YamlNode Node, string Path)>();
        foreach (var (node, path) in items)
        {
            var map = MapReader.Of(Doc, node, path);
            if (map is null)
            {
                continue;
            }

            if (ReadFact(map, readValue, valueFields) is { } fact)
            {
                facts.Add((fact, node, path));
            }
        }

        for (var i = 0; i < facts.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (facts[i].Fact.Validity.Overlaps(facts[j].Fact.Validity) && overlapAllowed?.Invoke(facts[i].Fact, facts[j].Fact) != true)
                {
                    Doc.Error(facts[i].Node, facts[i].Path, string.Format(CultureInfo.InvariantCulture, Messages.Overlap, facts[j].Fact.Validity));
                }
            }
        }

        // Facts of one parameter follow each other without a gap, unless the later one says why there is one.
        var ordered = overlapAllowed is not null ? [] : facts.Where(f => f.Fact.Validity.From is not null).OrderBy(f => f.Fact.Validity.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previousEnd = ordered[i - 1].Fact.Validity.To;
            var start = ordered[i].Fact.Validity.From!.Value;
            var marked = MapReader.Of(Doc, ordered[i].Node, ordered[i].Path, required: false)?.Has("afterGap") == true;
            if (previousEnd is { } end && end.AddDays(1) < start && !marked)
            {
                Doc.Error(ordered[i].Node, ordered[i].Path + ".from",
                    string.Format(CultureInfo.InvariantCulture, Messages.Gap, end.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        return new FactSeries<T>(facts.Select(f => f.Fact));
    }

    public Fact<T>? ReadFact<T>(MapReader map, Func<MapReader, T?> readValue, string[] valueFields)
    {
        map.Only([.. valueFields, "from", "to", "source", "unknown", "checked", "note", "afterGap"]);
        var from = map.Date("from");
        var to = map.Date("to");
        if (from is { } f && to is { } t && t < f)
        {
            Doc.Error(map.Get("to"), map.Field("to"), string.Format(CultureInfo.InvariantCulture, Messages.EndBeforeStart, t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return null;
        }

        var validity = new ValidityPeriod(from, to);
        if (map.Has("unknown"))
        {
            var searched = map.String("unknown");
            var @checked = CheckedDate(map);
            if (map.Has("source"))
            {
                Source(map);
            }

            return searched is null || @checked is null ? null : Fact<T>.NotFound(searched, validity, @checked.Value);
        }

        var value = readValue(map);
        var source = Source(map);
        return value is null || source is null ? null : Fact<T>.Known(value, validity, source);
    }

    // Readers of common value shapes, boxed so that one generic path serves value and reference types.
    public static Func<MapReader, Box<int>?> IntValue => m => m.Int("value", required: true) is { } v ? new Box<int>(v) : null;

    public static Func<MapReader, Box<bool>?> BoolValue => m => m.Bool("value", required: true) is { } v ? new Box<bool>(v) : null;

    public static Func<MapReader, ParameterValue?> ParameterValueReader => m =>
    {
        var node = m.Get("value");
        if (node is null)
        {
            m.Missing("value");
            return null;
        }

        if (node is YamlScalarNode { Value: { } text })
        {
            return MapReader.TryDecimal(text, out var number) ? ParameterValue.Of(number) : ParameterValue.Of(text);
        }

        var bands = new List<Band>();
        foreach (var (item, path) in m.List("value"))
        {
            var row = MapReader.Of(m.Doc, item, path);
            if (row is null)
            {
                continue;
            }

            row.Only("from", "fromMonths", "fromYears", "years", "months", "multiplier", "multiple", "amount", "value");
            var threshold = row.Decimal("fromMonths") ?? row.Decimal("fromYears") ?? row.Decimal("years") ?? row.Decimal("months") ?? row.Decimal("from");
            var value = row.Decimal("multiplier") ?? row.Decimal("multiple") ?? row.Decimal("amount") ?? row.Decimal("value");
            if (threshold is null || value is null)
            {
                m.Doc.Error(item, path, "a table row needs a threshold (fromMonths or years) and a value (multiplier, multiple or amount)");
                continue;
            }

            bands.Add(new Band(threshold.Value, value.Value));
        }

        return ParameterValue.Of(bands);
    };
}

/// <summary>A reference wrapper so value types can travel through the reference-typed fact reader.</summary>
/// <typeparam name="T">Value type.</typeparam>
/// <param name="Value">The value.</param>
internal sealed record Box<T>(T Value)
    where T : struct;

internal static class FactSeriesExtensions
{
    public static FactSeries<T>? Unbox<T>(this FactSeries<Box<T>>? series)
        where T : struct =>
        series is null ? null : new FactSeries<T>(series.Facts.Select(f => f.Map(b => b.Value)));
}
