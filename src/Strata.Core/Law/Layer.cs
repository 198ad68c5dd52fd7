namespace Strata.Law;

/// <summary>The layer of law a rule belongs to.</summary>
/// <remarks>
/// Domestic law gives the default outcome; a binding instrument of another layer that applies overrides it
/// for what it covers (an exception, in Catala's sense). Soft law never changes an outcome.
/// </remarks>
public enum Layer
{
    /// <summary>The law of one state, including its unilateral measures for nationals abroad.</summary>
    Domestic,
    /// <summary>An agreement between two states.</summary>
    Bilateral,
    /// <summary>A regional instrument (a treaty, a regulation or a declaration).</summary>
    Regional,
    /// <summary>An international standard (ILO or UN convention).</summary>
    International,
}

/// <summary>Contract names of <see cref="Layer"/>.</summary>
public static class LayerNames
{
    /// <summary>Gets the lower-case contract name of a layer.</summary>
    /// <param name="layer">The layer.</param>
    /// <returns>domestic, bilateral, regional or international.</returns>
    public static string ToName(this Layer layer) => layer switch
    {
        Layer.Domestic => "domestic",
        Layer.Bilateral => "bilateral",
        Layer.Regional => "regional",
        _ => "international",
    };
}
