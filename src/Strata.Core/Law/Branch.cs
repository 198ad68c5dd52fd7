namespace Strata.Law;

/// <summary>The nine branches of social security of ILO Convention No. 102 (Parts II to X).</summary>
/// <remarks>
/// Names follow C102's Parts; their contract spelling is kebab-case (see <see cref="BranchNames"/>).
/// <see href="https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C102"/>
/// </remarks>
public enum Branch
{
    /// <summary>Medical care (C102 Part II).</summary>
    MedicalCare,
    /// <summary>Sickness benefit (Part III).</summary>
    Sickness,
    /// <summary>Unemployment benefit (Part IV).</summary>
    Unemployment,
    /// <summary>Old-age benefit (Part V).</summary>
    OldAge,
    /// <summary>Employment injury benefit (Part VI).</summary>
    EmploymentInjury,
    /// <summary>Family benefit (Part VII).</summary>
    Family,
    /// <summary>Maternity benefit (Part VIII).</summary>
    Maternity,
    /// <summary>Invalidity benefit (Part IX).</summary>
    Invalidity,
    /// <summary>Survivors' benefit (Part X).</summary>
    Survivors,
}

/// <summary>The kebab-case names of <see cref="Branch"/> used in case files, knowledge files and determinations.</summary>
public static class BranchNames
{
    private static readonly string[] Names =
        ["medical-care", "sickness", "unemployment", "old-age", "employment-injury", "family", "maternity", "invalidity", "survivors"];

    /// <summary>All branches in C102 order.</summary>
    public static IReadOnlyList<Branch> All { get; } = Enum.GetValues<Branch>();

    /// <summary>Gets the contract name of a branch, e.g. <c>old-age</c>.</summary>
    /// <param name="branch">The branch.</param>
    /// <returns>The kebab-case name.</returns>
    public static string ToName(this Branch branch) => Names[(int)branch];

    /// <summary>Parses a kebab-case branch name.</summary>
    /// <param name="name">The name, e.g. <c>employment-injury</c>.</param>
    /// <param name="branch">The branch when the name is known.</param>
    /// <returns>Whether the name is one of the nine branches.</returns>
    public static bool TryParse(string? name, out Branch branch)
    {
        var index = Array.IndexOf(Names, name);
        branch = index < 0 ? default : (Branch)index;
        return index >= 0;
    }

    /// <summary>The accepted names, for error messages.</summary>
    public static string Accepted => string.Join("|", Names);
}
