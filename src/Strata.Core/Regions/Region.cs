using Strata.Law;

namespace Strata.Regions;

/// <summary>A state's membership of a region, with its dates and source.</summary>
/// <param name="State">ISO 3166-1 alpha-2 code.</param>
/// <param name="Validity">Days of membership, both ends included.</param>
/// <param name="Source">Source.</param>
public sealed record Membership(string State, ValidityPeriod Validity, Source Source);

/// <summary>A regional organisation or group of states (ASEAN, the EU, ECOWAS, the GCC…), with dated membership.</summary>
public sealed class Region
{
    /// <summary>Creates a region.</summary>
    /// <param name="id">Lower-case id, e.g. <c>asean</c>.</param>
    /// <param name="name">Name.</param>
    /// <param name="members">Memberships, in any order.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public Region(string id, string name, IEnumerable<Membership> members)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(members);
        Id = id;
        Name = name;
        Members = members.OrderBy(m => m.State, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Id.</summary>
    public string Id { get; }

    /// <summary>Name.</summary>
    public string Name { get; }

    /// <summary>Memberships, in state order.</summary>
    public IReadOnlyList<Membership> Members { get; }

    /// <summary>The states that are members on a day.</summary>
    /// <param name="day">Day.</param>
    /// <returns>ISO codes, in order.</returns>
    public IReadOnlyList<string> MembersOn(DateOnly day) =>
        Members.Where(m => m.Validity.Contains(day)).Select(m => m.State).Distinct().ToArray();
}
