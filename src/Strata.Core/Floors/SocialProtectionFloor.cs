using Strata.Law;

namespace Strata.Floors;

/// <summary>The four basic guarantees of ILO Recommendation 202, para. 5.</summary>
/// <remarks><see href="https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_INSTRUMENT_ID:3065524">R202</see>.</remarks>
public enum Guarantee
{
    /// <summary>Access to essential health care, including maternity care.</summary>
    Health,
    /// <summary>Basic income security for children.</summary>
    Children,
    /// <summary>Basic income security for persons in active age unable to earn sufficient income (sickness, unemployment, maternity, disability).</summary>
    WorkingAge,
    /// <summary>Basic income security for older persons.</summary>
    OlderPersons,
}

/// <summary>Whether a migrant resident can reach a guarantee.</summary>
public enum FloorAccess
{
    /// <summary>On the same terms as nationals.</summary>
    Yes,
    /// <summary>Some migrants, or with conditions nationals do not face.</summary>
    Partial,
    /// <summary>Not for migrants.</summary>
    No,
}

/// <summary>A migrant's access to one guarantee, in plain words.</summary>
/// <param name="Access">Yes, partial or no.</param>
/// <param name="Note">Who is in and who is out.</param>
public sealed record FloorStatus(FloorAccess Access, string Note);

/// <summary>A destination's social protection floor as it applies to migrant residents, by guarantee, as dated facts.</summary>
public sealed class SocialProtectionFloor
{
    /// <summary>Creates a floor.</summary>
    /// <param name="country">ISO code.</param>
    /// <param name="guarantees">Facts per guarantee; a guarantee missing from the map was not researched.</param>
    public SocialProtectionFloor(string country, IReadOnlyDictionary<Guarantee, FactSeries<FloorStatus>> guarantees)
    {
        ArgumentNullException.ThrowIfNull(guarantees);
        Country = country;
        Guarantees = guarantees;
    }

    /// <summary>ISO code.</summary>
    public string Country { get; }

    /// <summary>Facts per guarantee.</summary>
    public IReadOnlyDictionary<Guarantee, FactSeries<FloorStatus>> Guarantees { get; }

    /// <summary>The fact for a guarantee on a day, or null when not recorded.</summary>
    /// <param name="guarantee">Guarantee.</param>
    /// <param name="day">Day.</param>
    /// <returns>The fact, known or unknown.</returns>
    public Fact<FloorStatus>? On(Guarantee guarantee, DateOnly day) => Guarantees.TryGetValue(guarantee, out var s) ? s.At(day) : null;

    /// <summary>Contract names of the guarantees.</summary>
    /// <param name="g">Guarantee.</param>
    /// <returns>health, children, working-age or older-persons.</returns>
    public static string Name(Guarantee g) => g switch
    {
        Guarantee.Health => "health",
        Guarantee.Children => "children",
        Guarantee.WorkingAge => "working-age",
        _ => "older-persons",
    };
}
