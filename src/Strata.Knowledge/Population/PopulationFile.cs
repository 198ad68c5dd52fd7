using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using Strata.Cases;
using Strata.Knowledge.Loading;
using Strata.Simulation;

namespace Strata.Knowledge.Population;

/// <summary>
/// Population files (<c>population/v1</c>): one row per career period, with the person's id, weight and the case-file
/// fields; the rows of a person are adjacent and persons come in ascending id order, so a file streams through in bounded
/// memory. The same columns in CSV (RFC 4180 with a header row, read and written with CsvHelper) and Parquet (typed
/// columns, written in row groups, with Parquet.Net).
/// </summary>
/// <remarks>The format is documented in docs/population.md; <see cref="Columns"/> is its list of columns.</remarks>
public static class PopulationFile
{
    /// <summary>The format's version, written into Parquet metadata and checked on reading.</summary>
    public const string Version = "population/v1";

    /// <summary>The columns, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["person_id", "weight", "nationality", "sex", "born", "residence", "country", "from", "to", "activity", "documented", "monthly_wage", "currency", "sector", "scheme", "posted_from"];

    /// <summary>Problems beyond this many are counted, not listed: a broken million-row file must not print a million lines.</summary>
    public const int MaxProblems = 100;

    /// <summary>Whether a path names a Parquet file (by extension); otherwise it is read as CSV.</summary>
    /// <param name="path">Path.</param>
    /// <returns>True for <c>.parquet</c>.</returns>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens a population file for streaming.</summary>
    /// <param name="path">A .csv or .parquet file.</param>
    /// <param name="endBefore">When given, periods must end before this day (the analysis date).</param>
    /// <param name="schemes">When given, the scheme ids a period may name.</param>
    /// <returns>The reader.</returns>
    public static PopulationReader Open(string path, DateOnly? endBefore = null, IReadOnlySet<string>? schemes = null) => new(path, endBefore, schemes);

    /// <summary>The largest weight accepted: no corridor holds a billion migrants.</summary>
    public const double MaxWeight = 1e9;

    /// <summary>Creates a population file for writing (CSV or Parquet by extension), replacing it only when complete.</summary>
    /// <param name="path">Path.</param>
    /// <returns>The writer; dispose it to finish the file.</returns>
    public static PopulationWriter Create(string path) => new(path);
}

/// <summary>One row as read, before it is checked.</summary>
internal readonly record struct RawRow(long Line, long? PersonId, double? Weight, string? Nationality, string? Sex, DateOnly? Born, string? Residence,
    string? Country, DateOnly? From, DateOnly? To, string? Activity, bool? Documented, decimal? MonthlyWage, string? Currency, string? Sector,
    string? Scheme, string? PostedFrom, bool Malformed = false);

/// <summary>
/// Streams the members of a population file, checking every row. Problems are collected (the first
/// <see cref="PopulationFile.MaxProblems"/> listed, the rest counted); a member with a problem is not returned.
/// </summary>
public sealed class PopulationReader
{
    private readonly string _path;
    private readonly List<Problem> _problems = [];
    private long _rowsRead;
    private long _totalRows = -1;
    private long _bytesRead;
    private long _totalBytes = -1;

    private readonly DateOnly? _endBefore;
    private readonly IReadOnlySet<string>? _schemes;

    internal PopulationReader(string path, DateOnly? endBefore, IReadOnlySet<string>? schemes)
    {
        _path = path;
        _endBefore = endBefore;
        _schemes = schemes;
    }

    /// <summary>The problems found so far (at most <see cref="PopulationFile.MaxProblems"/>), in line order.</summary>
    public IReadOnlyList<Problem> Problems => [.. _problems.OrderBy(p => p.Line)];

    /// <summary>All problems found so far, listed or not.</summary>
    public long ProblemCount { get; private set; }

    /// <summary>Rows read so far.</summary>
    public long RowsRead => Interlocked.Read(ref _rowsRead);

    /// <summary>Share of the file read, between 0 and 1 (rows for Parquet, bytes for CSV), for progress reports.</summary>
    public double Fraction => _totalRows > 0 ? (double)RowsRead / _totalRows : _totalBytes > 0 ? (double)Interlocked.Read(ref _bytesRead) / _totalBytes : 0;

    /// <summary>
    /// The members, in file order; check <see cref="ProblemCount"/> at the end. Once a problem is found no more members
    /// are returned (the run is going to fail, so nothing is evaluated in vain), but reading goes on to list up to
    /// <see cref="PopulationFile.MaxProblems"/> problems.
    /// </summary>
    /// <returns>The members read before the first problem.</returns>
    public IEnumerable<PopulationMember> Members()
    {
        if (!File.Exists(_path))
        {
            Report(new Problem(_path, 0, "", "does not exist"));
            return [];
        }

        return Group(PopulationFile.IsParquet(_path) ? ParquetRows() : CsvRows());
    }

    private void Report(Problem problem)
    {
        ProblemCount++;
        if (_problems.Count < PopulationFile.MaxProblems)
        {
            _problems.Add(problem);
        }
    }

    private void Report(long line, string field, string message) => Report(new Problem(_path, (int)Math.Min(line, int.MaxValue), field, message));

    private IEnumerable<PopulationMember> Group(IEnumerable<RawRow> rows)
    {
        var periods = new List<CareerPeriod>(4);
        RawRow? first = null;
        var bad = false;
        foreach (var row in rows)
        {
            Interlocked.Increment(ref _rowsRead);
            if (ProblemCount >= PopulationFile.MaxProblems)
            {
                yield break;
            }

            if (row.PersonId is { } id && first is { PersonId: { } current } && id != current)
            {
                if (Finish(first.Value, periods, bad) is { } member && ProblemCount == 0)
                {
                    yield return member;
                }

                periods = new List<CareerPeriod>(4);
                bad = false;
                first = null;
                if (id < current)
                {
                    Report(row.Line, "person_id", $"{id} comes after {current}: rows must be sorted by person_id, a person's rows adjacent");
                }
            }

            if (row.PersonId is null)
            {
                bad = true;
                continue;
            }

            if (first is null)
            {
                first = row;
            }
            else
            {
                bad |= !SamePerson(first.Value, row);
            }

            if (Period(row) is { } period)
            {
                periods.Add(period);
            }
            else
            {
                bad = true;
            }
        }

        if (first is not null && Finish(first.Value, periods, bad) is { } last && ProblemCount == 0)
        {
            yield return last;
        }
    }

    private bool SamePerson(RawRow a, RawRow b)
    {
        var same = true;
        void Check(bool equal, string field)
        {
            if (!equal)
            {
                Report(b.Line, field, $"differs from the person's first row (line {a.Line}): person fields are repeated identically on each row");
                same = false;
            }
        }

        Check(a.Weight == b.Weight, "weight");
        Check(a.Nationality == b.Nationality, "nationality");
        Check(a.Sex == b.Sex, "sex");
        Check(a.Born == b.Born, "born");
        Check(a.Residence == b.Residence, "residence");
        return same;
    }

    private PopulationMember? Finish(RawRow row, List<CareerPeriod> periods, bool bad)
    {
        var ok = !bad;
        if (row.Malformed)
        {
            // A value that could not be parsed was reported where it was read.
            ok = false;
        }
        else if (row.Weight is not { } weight || !(weight > 0) || weight > PopulationFile.MaxWeight)
        {
            Report(row.Line, "weight", row.Weight is null ? Messages.Required : $"must be a number above 0 and at most 1,000,000,000 (got {row.Weight?.ToString(CultureInfo.InvariantCulture)})");
            ok = false;
        }

        ok &= Country(row.Line, "nationality", row.Nationality, required: true);
        ok &= Country(row.Line, "residence", row.Residence, required: true);
        if (row.Sex is not (null or "female" or "male"))
        {
            Report(row.Line, "sex", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, row.Sex, "female|male or empty"));
            ok = false;
        }

        if (row.Born is null && !row.Malformed)
        {
            Report(row.Line, "born", Messages.Required);
            ok = false;
        }

        ok &= InRange(row.Line, "born", row.Born);

        if (!ok || periods.Count == 0)
        {
            return null;
        }

        return new PopulationMember(row.PersonId!.Value, row.Weight!.Value, new Person(row.Born!.Value, [row.Nationality!], row.Residence!, row.Sex), periods);
    }

    /// <summary>Dates outside 1850–2200 are refused, as in case files (CSV dates are checked when parsed; Parquet dates here).</summary>
    private bool InRange(long line, string field, DateOnly? date)
    {
        if (date is { Year: < 1850 or > 2200 } d)
        {
            Report(line, field, string.Format(CultureInfo.InvariantCulture, Messages.BadDate, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return false;
        }

        return true;
    }

    private bool Country(long line, string field, string? code, bool required)
    {
        if (code is null)
        {
            if (required)
            {
                Report(line, field, Messages.Required);
            }

            return !required;
        }

        if (!Codes.IsCountry(code))
        {
            Report(line, field, string.Format(CultureInfo.InvariantCulture, Messages.BadCountry, code));
            return false;
        }

        return true;
    }

    private CareerPeriod? Period(RawRow r)
    {
        var ok = Country(r.Line, "country", r.Country, required: true);
        ok &= Country(r.Line, "posted_from", r.PostedFrom, required: false);
        if (r.From is null && !r.Malformed)
        {
            Report(r.Line, "from", Messages.Required);
            ok = false;
        }

        if (r.To is null && !r.Malformed)
        {
            Report(r.Line, "to", Messages.Required);
            ok = false;
        }

        ok &= InRange(r.Line, "from", r.From) & InRange(r.Line, "to", r.To);
        if (r.To is { } end && _endBefore is { } limit && end >= limit)
        {
            Report(r.Line, "to", $"{end:yyyy-MM-dd} is not before the analysis date {limit:yyyy-MM-dd}: a simulated career ends before the day its rights are assessed");
            ok = false;
        }

        if (r.Scheme is { } scheme && _schemes is not null && !_schemes.Contains(scheme))
        {
            Report(r.Line, "scheme", string.Format(CultureInfo.InvariantCulture, Messages.UnknownReference, "scheme", scheme));
            ok = false;
        }

        if (r.From is { } f && r.To is { } t && t < f)
        {
            Report(r.Line, "to", string.Format(CultureInfo.InvariantCulture, Messages.EndBeforeStart, t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            ok = false;
        }

        var activity = Activity.Employed;
        if (r.Activity is null or "")
        {
            Report(r.Line, "activity", Messages.Required);
            ok = false;
        }
        else if (!ActivityNames.TryParse(r.Activity, out activity))
        {
            Report(r.Line, "activity", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, r.Activity, ActivityNames.Accepted));
            ok = false;
        }
        else if ((activity == Activity.Posted) != (r.PostedFrom is not null))
        {
            Report(r.Line, "posted_from", activity == Activity.Posted ? "is required for a posted period" : "is only for posted periods");
            ok = false;
        }

        if (r.Documented is null && !r.Malformed)
        {
            Report(r.Line, "documented", Messages.Required);
            ok = false;
        }

        if (r.MonthlyWage is < 0 or > 1_000_000_000m)
        {
            Report(r.Line, "monthly_wage", $"must be between 0 and 1,000,000,000 (got {r.MonthlyWage?.ToString(CultureInfo.InvariantCulture)})");
            ok = false;
        }

        if (r.MonthlyWage is not null && !Codes.IsCurrency(r.Currency))
        {
            Report(r.Line, "currency", r.Currency is null ? "is required with a monthly_wage" : string.Format(CultureInfo.InvariantCulture, Messages.BadCurrency, r.Currency));
            ok = false;
        }

        if (r.Sector is not null && !CareerPeriod.Sectors.Contains(r.Sector))
        {
            Report(r.Line, "sector", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, r.Sector, string.Join("|", CareerPeriod.Sectors)));
            ok = false;
        }

        return ok && !r.Malformed
            ? new CareerPeriod(r.Country!, r.From!.Value, r.To!.Value, activity, r.PostedFrom, r.Documented!.Value, r.MonthlyWage, r.MonthlyWage is null ? "XXX" : r.Currency!, r.Scheme, r.Sector)
            : null;
    }

    internal static CsvHelper.Configuration.CsvConfiguration CsvWriterConfiguration => new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    private static CsvHelper.Configuration.CsvConfiguration CsvConfiguration => new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        IgnoreBlankLines = false,
        DetectDelimiter = false,
        MissingFieldFound = null,
        HeaderValidated = null,
    };

    private IEnumerable<RawRow> CsvRows()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        _totalBytes = stream.Length;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var csv = new CsvHelper.CsvReader(reader, CsvConfiguration);
        if (!TryRead(csv, out var error) || !TryHeader(csv))
        {
            Report(1, "", error ?? "is empty: expected the header " + string.Join(",", PopulationFile.Columns));
            yield break;
        }

        var names = csv.HeaderRecord ?? [];
        var index = PopulationFile.Columns.Select(c => Array.IndexOf(names, c)).ToArray();
        var missing = PopulationFile.Columns.Where((c, i) => index[i] < 0 && c is "person_id" or "weight" or "nationality" or "born" or "residence" or "country" or "from" or "to" or "activity" or "documented").ToArray();
        foreach (var name in names.Where(n => !PopulationFile.Columns.Contains(n)))
        {
            Report(1, name, string.Format(CultureInfo.InvariantCulture, Messages.UnknownField, string.Join(", ", PopulationFile.Columns)));
        }

        foreach (var name in missing)
        {
            Report(1, name, "column is required");
        }

        if (missing.Length > 0 || ProblemCount > 0)
        {
            yield break;
        }

        var fields = new string?[PopulationFile.Columns.Count];
        // A record starts on the line after the previous one ended (a quoted value may span lines).
        long ended = csv.Parser.RawRow;
        while (true)
        {
            if (!TryRead(csv, out error))
            {
                if (error is not null)
                {
                    Report(ended + 1, "", error);
                }

                yield break;
            }

            // Blank lines come through as records (not skipped by the parser) so that every line is counted: a record
            // starts on the line after the previous one ended, even when a quoted value spans lines.
            long line = ended + 1;
            ended = csv.Parser.RawRow;
            if (csv.Parser.Count == 1 && string.IsNullOrWhiteSpace(csv.Parser[0]))
            {
                continue;
            }

            Interlocked.Exchange(ref _bytesRead, stream.Position);
            if (csv.Parser.Count != names.Length)
            {
                Report(line, "", $"has {csv.Parser.Count} fields; the header has {names.Length}");
                continue;
            }

            for (var c = 0; c < fields.Length; c++)
            {
                var value = index[c] < 0 ? null : csv.Parser[index[c]];
                fields[c] = string.IsNullOrEmpty(value) ? null : value;
            }

            var before = ProblemCount;
            var row = new RawRow(line, Long(line, "person_id", fields[0]), Double(line, "weight", fields[1]), fields[2], fields[3], Date(line, "born", fields[4]),
                fields[5], fields[6], Date(line, "from", fields[7]), Date(line, "to", fields[8]), fields[9], Bool(line, "documented", fields[10]),
                Decimal(line, "monthly_wage", fields[11]), fields[12], fields[13], fields[14], fields[15]);
            yield return ProblemCount > before ? row with { Malformed = true } : row;
        }
    }

    /// <summary>Reads the next record; malformed CSV (an unclosed quote, a quote inside an unquoted value) is a problem, not a crash.</summary>
    private static bool TryRead(CsvHelper.CsvReader csv, out string? error)
    {
        try
        {
            error = null;
            return csv.Read();
        }
        catch (CsvHelper.CsvHelperException e)
        {
            error = "is not valid CSV here: " + e.Message.Split('\n')[0].Trim();
            return false;
        }
    }

    private static bool TryHeader(CsvHelper.CsvReader csv)
    {
        try
        {
            return csv.ReadHeader();
        }
        catch (CsvHelper.CsvHelperException)
        {
            return false;
        }
    }

    private long? Long(long line, string field, string? text)
    {
        if (text is null)
        {
            Report(line, field, Messages.Required);
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        Report(line, field, $"'{text}' is not a whole number of at least 0");
        return null;
    }

    private double? Double(long line, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        Report(line, field, string.Format(CultureInfo.InvariantCulture, Messages.BadNumber, text));
        return double.NaN;
    }

    private decimal? Decimal(long line, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        Report(line, field, string.Format(CultureInfo.InvariantCulture, Messages.BadNumber, text));
        return -1;
    }

    private DateOnly? Date(long line, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (Yaml.MapReader.TryDate(text, out var d))
        {
            return d;
        }

        Report(line, field, string.Format(CultureInfo.InvariantCulture, Messages.BadDate, text));
        return null;
    }

    private bool? Bool(long line, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text is "true" or "false")
        {
            return text == "true";
        }

        Report(line, field, string.Format(CultureInfo.InvariantCulture, Messages.BadBoolean, text));
        return null;
    }

    private IEnumerable<RawRow> ParquetRows()
    {
        using var stream = File.OpenRead(_path);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            Report(0, "", $"is not a readable Parquet file: {e.Message}");
            yield break;
        }

        try
        {
            if (!reader.CustomMetadata.TryGetValue("strata", out var version) || version != PopulationFile.Version)
            {
                Report(0, "", $"is not a {PopulationFile.Version} file (its 'strata' metadata is '{version ?? "missing"}')");
                yield break;
            }

            var schema = PopulationParquet.Schema;
            foreach (var field in schema.DataFields)
            {
                var found = reader.Schema.DataFields.FirstOrDefault(f => f.Name == field.Name);
                if (found is null || (field.ClrType != typeof(string) && found.ClrType != field.ClrType))
                {
                    Report(0, field.Name, $"column is missing or not of type {field.ClrType.Name}");
                }
            }

            if (ProblemCount > 0)
            {
                yield break;
            }

            _totalRows = reader.RowGroups.Sum(g => g.RowCount);
            long line = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                PopulationParquet.Group columns;
                try
                {
                    columns = PopulationParquet.ReadGroup(reader, g);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException
                    or IndexOutOfRangeException or OverflowException)
                {
                    Report(line + 1, "", $"row group {g} cannot be read: {e.Message}");
                    yield break;
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    line++;
                    yield return columns.Row(i, line);
                }
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>Writes members to a population file: CSV as they come, Parquet in row groups; the file appears only when complete.</summary>
public sealed class PopulationWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly StreamWriter? _stream;
    private readonly CsvHelper.CsvWriter? _csv;
    private readonly PopulationParquet.Buffer? _parquet;
    private bool _done;

    internal PopulationWriter(string path)
    {
        _path = path;
        _temporary = path + ".tmp";
        var stream = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (PopulationFile.IsParquet(path))
        {
            _parquet = new PopulationParquet.Buffer(stream);
        }
        else
        {
            _stream = new StreamWriter(stream, new UTF8Encoding(false));
            _csv = new CsvHelper.CsvWriter(_stream, PopulationReader.CsvWriterConfiguration);
            foreach (var column in PopulationFile.Columns)
            {
                _csv.WriteField(column);
            }

            _csv.NextRecord();
        }
    }

    /// <summary>Rows written.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes a member's rows.</summary>
    /// <param name="member">The member.</param>
    public void Write(PopulationMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        foreach (var p in member.Career)
        {
            Rows++;
            if (_parquet is not null)
            {
                _parquet.Add(member, p);
                continue;
            }

            var inv = CultureInfo.InvariantCulture;
            foreach (var value in new[]
                     {
                         member.Id.ToString(inv), member.Weight.ToString("R", inv), member.Person.Nationalities[0], member.Person.Sex ?? "",
                         member.Person.Born.ToString("yyyy-MM-dd", inv), member.Person.Residence, p.Country, p.From.ToString("yyyy-MM-dd", inv),
                         p.To.ToString("yyyy-MM-dd", inv), p.Activity.ToName(), p.Documented ? "true" : "false", p.MonthlyWage?.ToString(inv) ?? "",
                         p.MonthlyWage is null ? "" : p.Currency, p.Sector ?? "", p.Scheme ?? "", p.PostedFrom ?? "",
                     })
            {
                _csv!.WriteField(value);
            }

            _csv!.NextRecord();
        }
    }

    /// <summary>Finishes the file and moves it into place.</summary>
    public void Complete()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        if (_parquet is not null)
        {
            _parquet.Complete();
        }
        else
        {
            _csv!.Dispose();
            _stream!.Dispose();
        }

        File.Move(_temporary, _path, overwrite: true);
    }

    /// <summary>Disposes the writer; a file not completed is deleted, so a failed run never leaves half a population.</summary>
    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            _parquet?.Abandon();
            _csv?.Dispose();
            _stream?.Dispose();
            File.Delete(_temporary);
        }
    }
}
