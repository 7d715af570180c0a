using System.Text.RegularExpressions;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>The repository's <c>.dockerignore</c> against what the <c>Dockerfile</c>'s publish of the CLI needs: the
/// build context is deny-by-default, lets in every project the CLI references (followed transitively through
/// <c>ProjectReference</c>), and keeps out what a user keeps beside a checkout (a config with credentials, .env files,
/// inventories). No container runtime runs here; the ignore file's own rules are read (Docker's syntax: the last
/// matching line wins, <c>!</c> re-includes).</summary>
[TestFixture]
public sealed class DockerBuildContextTests
{
    private static readonly Regex ProjectReference = new(@"<ProjectReference\s+Include=""(?<path>[^""]+)""", RegexOptions.Compiled);

    /// <summary>The lines of <c>.dockerignore</c> that are patterns (no comments, no blank lines).</summary>
    private static string[] Patterns() => File.ReadAllLines(Path.Combine(SharedPaths.Repository, ".dockerignore"))
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    /// <summary>Whether a top-level path (a file name, or a folder name with a trailing slash) enters the build context
    /// under the patterns, by the last matching line, for the patterns this file uses (<c>*</c>, a name, a name with a
    /// trailing slash, <c>**/name/</c>).</summary>
    private static bool Enters(string topLevel, IReadOnlyList<string> patterns)
    {
        var included = true;
        foreach (var line in patterns)
        {
            var negated = line.StartsWith('!');
            var pattern = negated ? line[1..] : line;
            var matches = pattern == "*" || pattern == topLevel || pattern.TrimEnd('/') + "/" == topLevel;
            if (matches) included = negated;
        }
        return included;
    }

    [Test]
    public void TheContext_DeniesByDefault_SoAUsersConfigAndSecretsStayOut()
    {
        var patterns = Patterns();
        Assert.That(patterns[0], Is.EqualTo("*"), "the first pattern denies everything");
        foreach (var kept in new[] { "inventory.yml", ".env", "inventory.json", "reports-out/", "demo-out/", "secrets.env", ".git/", "tests/", "bench/" })
            Assert.That(Enters(kept, patterns), Is.False, kept);
    }

    [Test]
    public void TheContext_LetsInEveryProjectTheCliReferences_AndThePropsItBuildsWith()
    {
        var patterns = Patterns();
        var repository = Path.GetFullPath(SharedPaths.Repository);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(Path.Combine(repository, "scanner", "Inventory.Cli", "Inventory.Cli.csproj"));
        while (pending.Count > 0)
        {
            var project = Path.GetFullPath(pending.Pop());
            if (!seen.Add(project)) continue;
            foreach (Match m in ProjectReference.Matches(File.ReadAllText(project)))
                pending.Push(Path.Combine(Path.GetDirectoryName(project)!, m.Groups["path"].Value.Replace('\\', '/')));
        }
        Assert.That(seen, Has.Count.GreaterThanOrEqualTo(5), "the CLI and the projects it references");
        foreach (var project in seen)
        {
            var top = Path.GetRelativePath(repository, project).Split('/')[0] + "/";
            Assert.That(Enters(top, patterns), Is.True, $"{Path.GetRelativePath(repository, project)} is outside the build context");
        }
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "README.md" })
            Assert.That(Enters(file, patterns), Is.True, file);
    }
}
