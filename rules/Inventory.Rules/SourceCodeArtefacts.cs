using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>
/// Values that are artefacts of customers' source code, <c>customer_content.source_code</c> by LABELS.md
/// ("repositories, commits, code, build logs"): git remotes, commit ids and build or deploy output (trial43 finding K1: a
/// PaaS host's <c>applications.git_remote</c>, <c>deployments.commit_sha</c> and <c>deployments.build_log</c> were
/// <c>none</c>). A git remote is told by its shape alone; a commit id has the shape of any SHA-1 or SHA-256 digest (a file's
/// checksum, a hashed e-mail address, a token), and build output the shape of any log, so both need a name or a table
/// that speaks of commits, builds or deployments. The words are kept here, not in <c>name-rules.yml</c>, so that the
/// column model's inputs stay as they are.
/// </summary>
internal static class SourceCodeArtefacts
{
    /// <summary>Evidence id of a column of source-code artefacts.</summary>
    public const string Evidence = "sample.source-code";

    /// <summary>Confidence of a column of git remotes (a shape nothing else has).</summary>
    public const double RemoteConfidence = 0.85;

    /// <summary>Confidence of commit ids and build output, which need a name or table beside their shape.</summary>
    public const double SupportedConfidence = 0.8;

    // Column-name words that say commit or revision (git's own words, and their French, German and Spanish forms).
    private static readonly HashSet<string> CommitWords = new(StringComparer.Ordinal)
        { "commit", "commits", "sha", "revision", "rev", "git", "changeset", "revisao", "revisio" };

    // Column-name words that say build or deployment output.
    private static readonly HashSet<string> BuildWords = new(StringComparer.Ordinal)
        { "build", "builds", "deploy", "deploys", "deployment", "deployments", "compile", "compilation", "ci", "pipeline",
          "release", "construction", "deploiement", "kompilierung", "bereitstellung", "despliegue", "compilacion" };

    // Table-name words of code hosting and delivery: what such a table's digests and logs are about.
    private static readonly HashSet<string> CodeTableWords = new(StringComparer.Ordinal)
        { "deployment", "deployments", "deploy", "deploys", "build", "builds", "release", "releases", "pipeline", "pipelines",
          "commit", "commits", "push", "pushes", "repository", "repositories", "repo", "repos", "revision", "revisions",
          "deploiement", "deploiements", "bereitstellung", "bereitstellungen", "despliegue", "despliegues", "slug", "slugs" };

    // Names that say the digest is something else: a file's checksum, a hashed identifier, a secret.
    private static readonly HashSet<string> OtherDigestWords = new(StringComparer.Ordinal)
        { "checksum", "md5", "sha1", "sha256", "sha512", "etag", "digest", "fingerprint", "token", "secret", "password", "hash",
          "email", "mail", "file", "artifact", "artefact", "image", "blob", "integrity" };

    // Lines build tools write (Heroku-style buildpacks, Docker, npm/yarn, pip, Maven/Gradle, Cargo, Go, webpack…).
    private static readonly string[] BuildMarkers =
        ["-----> ", "Step 1/", "Successfully built", "Successfully installed", "BUILD SUCCESS", "BUILD FAILED", "Build succeeded",
         "Build failed", "Building ", "Installing dependencies", "npm install", "npm ci", "yarn install", "pip install", "bundle install",
         "Collecting ", " packages in ", "Compiling ", "compiled successfully", "webpack ", "go build", "cargo build", "mvn ", "gradle",
         "Downloading ", "Resolving dependencies", "Running setup.py", "Sending build context", "docker build", "make: ", "Deploying ",
         "Uploading ", "Release v", "Launching", "=> ["];

    /// <summary>Decides a text column of source-code artefacts: git remotes on their shape (at least 80 % of the non-blank
    /// values and 3); commit ids (40 or 64 hexadecimal digits, git's SHA-1 and SHA-256 object names, on 90 %) under a
    /// commit word, or under <c>sha</c> in a table of code hosting or delivery; build or deploy output (a build tool's
    /// line in 60 % of the values) under a build word or in such a table. Never under a name that says another personal
    /// category (a hashed e-mail, a token) or another digest (<c>checksum</c>, <c>sha256</c>, <c>etag</c>).</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="name">The column's name match.</param>
    /// <param name="values">The sampled values.</param>
    /// <param name="evidence">The column's evidence so far; the deciding item is put first.</param>
    /// <returns>The decision, or null when the column is not of this kind.</returns>
    public static ColumnClassification? Decide(string table, NameMatch name, IReadOnlyList<string> values, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is { } said && said != "none" && !said.StartsWith("customer_content", StringComparison.Ordinal)) return null;
        var tableWords = NameTokenizer.Tokenize(table);
        bool codeTable = tableWords.Any(CodeTableWords.Contains);
        // Build lines decide only under a build word or in a code table: elsewhere their search (34 markers in every value
        // of every text column without a category: 1.3 % of a 60-source scan's CPU, bench/README.md, perf47) is skipped.
        bool buildsDecide = codeTable || name.Tokens.Any(BuildWords.Contains);
        int tested = 0, remotes = 0, commits = 0, builds = 0;
        foreach (var raw in values)
        {
            var value = raw.AsSpan().Trim();
            if (value.IsEmpty) continue;
            tested++;
            if (IsGitRemote(value)) remotes++;
            else if (IsCommitId(value)) commits++;
            else if (buildsDecide && HasBuildLine(value)) builds++;
        }
        if (tested < 3) return null;
        if (remotes >= 0.8 * tested)
            return Decided(remotes, tested, "git remotes (ssh, git or https URLs of repositories): customers' source code", RemoteConfidence, evidence);
        bool otherDigest = name.Tokens.Any(OtherDigestWords.Contains);
        if (commits >= 0.9 * tested && !otherDigest
            && (name.Tokens.Any(t => t != "sha" && CommitWords.Contains(t)) || (codeTable && name.Tokens.Contains("sha"))))
            return Decided(commits, tested, "commit ids (40 or 64 hexadecimal digits) under a commit name: customers' source code", SupportedConfidence, evidence);
        if (buildsDecide && builds >= 0.6 * tested)
            return Decided(builds, tested, "build or deploy output (lines of build tools) of customers' code: source code", SupportedConfidence, evidence);
        return null;
    }

    private static ColumnClassification Decided(int matched, int tested, string detail, double confidence, List<EvidenceItem> evidence)
    {
        evidence.Insert(0, new EvidenceItem("sample", Evidence, "customer_content.source_code", matched, tested,
            Math.Round((double)matched / tested, 4), detail));
        return RuleClassifier.Decide("customer_content.source_code", confidence, evidence);
    }

    /// <summary>True for a git remote: a <c>git://</c>, <c>git+ssh://</c>, <c>ssh+git://</c> URL, an <c>ssh://</c> or
    /// <c>http(s)://</c> URL whose path ends in <c>.git</c>, or git's scp-like form <c>user@host:path.git</c> (git-clone(1),
    /// "GIT URLS"). A web page, a profile URL or an e-mail address is none of these.</summary>
    /// <param name="value">A trimmed value.</param>
    internal static bool IsGitRemote(ReadOnlySpan<char> value)
    {
        if (value.Length < 8 || value.ContainsAny(' ', '\t', '\n')) return false;
        if (value.StartsWith("git://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("git+ssh://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("ssh+git://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("git+https://", StringComparison.OrdinalIgnoreCase))
            return value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..].IndexOf('/') > 0;
        var path = value.TrimEnd('/');
        if (!path.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) return false;
        if (value.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            return true;
        // scp-like: user@host:path, the user and host without '/', a path after the colon.
        int at = value.IndexOf('@'), colon = value.IndexOf(':');
        return at > 0 && colon > at + 1 && colon < value.Length - 5 && value[..colon].IndexOf('/') < 0;
    }

    /// <summary>True for a full commit id: 40 (SHA-1) or 64 (SHA-256) hexadecimal digits in one case.</summary>
    /// <param name="value">A trimmed value.</param>
    internal static bool IsCommitId(ReadOnlySpan<char> value) =>
        value.Length is 40 or 64 && (!value.ContainsAnyExcept("0123456789abcdef") || !value.ContainsAnyExcept("0123456789ABCDEF"));

    /// <summary>True when the value holds a line a build tool writes (<see cref="BuildMarkers"/>).</summary>
    /// <param name="value">A trimmed value.</param>
    internal static bool HasBuildLine(ReadOnlySpan<char> value)
    {
        if (value.Length < 8) return false;
        foreach (var marker in BuildMarkers)
            if (value.Contains(marker, StringComparison.Ordinal)) return true;
        return false;
    }
}
