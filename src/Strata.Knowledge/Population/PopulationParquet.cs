using Parquet;
using Parquet.Schema;
using Strata.Cases;
using Strata.Simulation;

namespace Strata.Knowledge.Population;

/// <summary>The Parquet side of <see cref="PopulationFile"/>: the typed schema, a row-group writer and a row-group reader.</summary>
internal static class PopulationParquet
{
    /// <summary>Rows per row group: large enough to compress well, small enough to keep memory bounded.</summary>
    public const int RowGroupSize = 131_072;

    private static readonly DataField<long> PersonId = new("person_id");
    private static readonly DataField<double> Weight = new("weight");
    private static readonly DataField<string> Nationality = new("nationality");
    private static readonly DataField<string> Sex = new("sex", true);
    private static readonly DataField<DateOnly> Born = new("born");
    private static readonly DataField<string> Residence = new("residence");
    private static readonly DataField<string> Country = new("country");
    private static readonly DataField<DateOnly> From = new("from");
    private static readonly DataField<DateOnly> To = new("to");
    private static readonly DataField<string> Activity = new("activity");
    private static readonly DataField<bool> Documented = new("documented");
    private static readonly DataField<double?> MonthlyWage = new("monthly_wage");
    private static readonly DataField<string> Currency = new("currency", true);
    private static readonly DataField<string> Sector = new("sector", true);
    private static readonly DataField<string> Scheme = new("scheme", true);
    private static readonly DataField<string> PostedFrom = new("posted_from", true);

    public static ParquetSchema Schema { get; } = new(PersonId, Weight, Nationality, Sex, Born, Residence, Country, From, To, Activity, Documented,
        MonthlyWage, Currency, Sector, Scheme, PostedFrom);

    /// <summary>The columns of one row group.</summary>
    public sealed class Group(int count)
    {
        public int Count { get; } = count;
        public long[] PersonId { get; } = new long[count];
        public double[] Weight { get; } = new double[count];
        public string[] Nationality { get; } = new string[count];
        public string?[] Sex { get; } = new string?[count];
        public DateOnly[] Born { get; } = new DateOnly[count];
        public string[] Residence { get; } = new string[count];
        public string[] Country { get; } = new string[count];
        public DateOnly[] From { get; } = new DateOnly[count];
        public DateOnly[] To { get; } = new DateOnly[count];
        public string[] Activity { get; } = new string[count];
        public bool[] Documented { get; } = new bool[count];
        public double?[] MonthlyWage { get; } = new double?[count];
        public string?[] Currency { get; } = new string?[count];
        public string?[] Sector { get; } = new string?[count];
        public string?[] Scheme { get; } = new string?[count];
        public string?[] PostedFrom { get; } = new string?[count];

        public RawRow Row(int i, long line) => new(line, PersonId[i], Weight[i], Nationality[i], Sex[i], Born[i], Residence[i], Country[i], From[i], To[i],
            Activity[i], Documented[i], MonthlyWage[i] is { } w ? (decimal)w : null, Currency[i], Sector[i], Scheme[i], PostedFrom[i]);
    }

    public static Group ReadGroup(ParquetReader reader, int index)
    {
        using var g = reader.OpenRowGroupReader(index);
        var group = new Group(checked((int)g.RowCount));
        Read(g, PersonId, group.PersonId);
        Read(g, Weight, group.Weight);
        Read(g, Born, group.Born);
        Read(g, From, group.From);
        Read(g, To, group.To);
        Read(g, Documented, group.Documented);
        g.ReadAsync(MonthlyWage, group.MonthlyWage.AsMemory(), null, default).AsTask().GetAwaiter().GetResult();
        foreach (var (field, target) in new (DataField<string>, string?[])[]
                 {
                     (Nationality, group.Nationality), (Sex, group.Sex), (Residence, group.Residence), (Country, group.Country), (Activity, group.Activity),
                     (Currency, group.Currency), (Sector, group.Sector), (Scheme, group.Scheme), (PostedFrom, group.PostedFrom),
                 })
        {
            g.ReadAsync(field, target.AsMemory()!, null, default).AsTask().GetAwaiter().GetResult();
        }

        return group;
    }

    private static void Read<T>(ParquetRowGroupReader g, DataField<T> field, T[] target)
        where T : struct =>
        g.ReadAsync(field, target.AsMemory(), null, default).AsTask().GetAwaiter().GetResult();

    /// <summary>Collects rows and writes a row group each time <see cref="RowGroupSize"/> rows are in.</summary>
    public sealed class Buffer(Stream stream)
    {
        private readonly Stream _stream = stream;
        private ParquetWriter? _writer;
        private Group _group = new(RowGroupSize);
        private int _count;

        public void Add(PopulationMember m, CareerPeriod p)
        {
            var g = _group;
            var i = _count++;
            g.PersonId[i] = m.Id;
            g.Weight[i] = m.Weight;
            g.Nationality[i] = m.Person.Nationalities[0];
            g.Sex[i] = m.Person.Sex;
            g.Born[i] = m.Person.Born;
            g.Residence[i] = m.Person.Residence;
            g.Country[i] = p.Country;
            g.From[i] = p.From;
            g.To[i] = p.To;
            g.Activity[i] = p.Activity.ToName();
            g.Documented[i] = p.Documented;
            g.MonthlyWage[i] = p.MonthlyWage is { } w ? (double)w : null;
            g.Currency[i] = p.MonthlyWage is null ? null : p.Currency;
            g.Sector[i] = p.Sector;
            g.Scheme[i] = p.Scheme;
            g.PostedFrom[i] = p.PostedFrom;
            if (_count == RowGroupSize)
            {
                Flush();
            }
        }

        private void Flush()
        {
            if (_count == 0)
            {
                return;
            }

            _writer ??= Open();
            using (var rg = _writer.CreateRowGroup())
            {
                var g = _group;
                var n = _count;
                Write(rg, PersonId, g.PersonId, n);
                Write(rg, Weight, g.Weight, n);
                Write(rg, Nationality, g.Nationality, n);
                Write(rg, Sex, g.Sex, n);
                Write(rg, Born, g.Born, n);
                Write(rg, Residence, g.Residence, n);
                Write(rg, Country, g.Country, n);
                Write(rg, From, g.From, n);
                Write(rg, To, g.To, n);
                Write(rg, Activity, g.Activity, n);
                Write(rg, Documented, g.Documented, n);
                rg.WriteAsync(MonthlyWage, (ReadOnlyMemory<double?>)g.MonthlyWage.AsMemory(0, n), null, null, default).GetAwaiter().GetResult();
                Write(rg, Currency, g.Currency, n);
                Write(rg, Sector, g.Sector, n);
                Write(rg, Scheme, g.Scheme, n);
                Write(rg, PostedFrom, g.PostedFrom, n);
            }

            _count = 0;
        }

        private ParquetWriter Open()
        {
            var writer = ParquetWriter.CreateAsync(Schema, _stream).GetAwaiter().GetResult();
            writer.CustomMetadata = new Dictionary<string, string> { ["strata"] = PopulationFile.Version };
            return writer;
        }

        private static void Write<T>(ParquetRowGroupWriter rg, DataField<T> field, T[] values, int n)
            where T : struct =>
            rg.WriteAsync(field, (ReadOnlyMemory<T>)values.AsMemory(0, n), null, null, default).GetAwaiter().GetResult();

        private static void Write(ParquetRowGroupWriter rg, DataField<string> field, string?[] values, int n) =>
            rg.WriteAsync(field, new ArraySegment<string>(values!, 0, n), null).GetAwaiter().GetResult();

        public void Complete()
        {
            Flush();
            _writer ??= Open();
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _stream.Dispose();
        }

        public void Abandon()
        {
            _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _stream.Dispose();
        }
    }
}
