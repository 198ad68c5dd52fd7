namespace Strata.Testing;

/// <summary>
/// Locates the repository root from a test's output folder, so tests read the real knowledge/, examples/, reforms/
/// and tests/cases/. One file, linked into every test project.
/// </summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Examples => Path.Combine(Root, "examples");

    public static string Cases => Path.Combine(Root, "tests", "cases");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Strata.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Strata.slnx not found above the test folder");
    }
}
