using System.Reflection;
using Strata.Evaluation;

namespace Strata.Tests;

public class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(Evaluator).Assembly.GetExportedTypes();

    [Fact]
    public void PublicCoreClasses_AreSealedOrStatic()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName).ToArray();
        Assert.Empty(open);
    }

    [Fact]
    public void PublicCoreTypes_HaveNoPublicSetters()
    {
        var settable = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => (t, p)))
            .Where(x => x.p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
            .Select(x => $"{x.t.Name}.{x.p.Name}").ToArray();
        Assert.Empty(settable);
    }

    [Fact]
    public void Core_ReferencesNoFrameworkBeyondTheBcl()
    {
        var references = typeof(Evaluator).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", name));
    }
}
