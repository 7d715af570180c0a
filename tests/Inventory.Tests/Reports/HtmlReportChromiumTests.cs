using NUnit.Framework;
using System.Diagnostics;
using System.Net;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;

namespace Inventory.Tests.Reports;

/// <summary>Opens the HTML report in real headless Chromium (Debian's <c>chromium</c>; <c>.ci/run</c> installs it):
/// no console message, a screenshot is taken, and the rendered DOM shows every activity and every claim.
/// Ignored with a reason when Chromium is not installed.</summary>
[TestFixture]
[Category("Browser")]
public sealed class HtmlReportChromiumTests
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "inventory-html-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string Chromium() =>
        Environment.GetEnvironmentVariable("INVENTORY_CHROMIUM") is { Length: > 0 } env && File.Exists(env) ? env
        : Candidates.FirstOrDefault(File.Exists) ?? "";

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunChromiumAsync(string html, params string[] action)
    {
        var chromium = Chromium();
        if (chromium.Length == 0) Assert.Ignore("Chromium is not installed (apt-get install -y chromium); the HTML report was not opened");
        var page = Path.Combine(_dir, "ropa.html");
        await File.WriteAllTextAsync(page, html);
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
            $"--user-data-dir={Path.Combine(_dir, "profile-" + Guid.NewGuid().ToString("N"))}", "--window-size=1280,2400",
        }.Concat(action).Append(new Uri(page).AbsoluteUri))
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); Assert.Fail("chromium did not finish within 2 minutes"); }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static async Task<string> HtmlAsync(ReportModel model) =>
        System.Text.Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(new HtmlReportWriter(), model));

    [Test]
    public async Task Html_Demo_RendersEveryActivityAndClaimWithoutConsoleErrors()
    {
        var model = ReportWriterTests.DemoModel();
        var html = await HtmlAsync(model);

        var screenshot = Path.Combine(_dir, "ropa.png");
        var shot = await RunChromiumAsync(html, $"--screenshot={screenshot}");
        var dom = await RunChromiumAsync(html, "--dump-dom");

        var consoleLines = (shot.Stderr + "\n" + dom.Stderr).Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal)).ToList();
        var text = WebUtility.HtmlDecode(dom.Stdout);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dom.ExitCode, Is.Zero, dom.Stderr);
            Assert.That(File.Exists(screenshot) && new FileInfo(screenshot).Length > 10_000, Is.True, "screenshot missing or empty: " + shot.Stderr);
            Assert.That(consoleLines, Is.Empty, "console messages (a blocked request or script error)");
            Assert.That(dom.Stdout, Does.Contain("<svg id=\"category-chart\""));
            foreach (var activity in PolicyDocument.Seed.Activities)
            {
                Assert.That(dom.Stdout, Does.Contain($"id=\"activity-{activity.Id}\""), activity.Id);
                Assert.That(text, Does.Contain(activity.Name), activity.Name);
            }
            foreach (var claim in model.Claims)
            {
                Assert.That(dom.Stdout, Does.Contain($"id=\"claim-{claim.Id}\""), claim.Id);
                Assert.That(text, Does.Contain(claim.Text), claim.Id);
            }
        }
    }

    /// <summary>Measures, in the rendered page, every data-category name: each part between dots must sit on one line
    /// (a break is allowed only at a dot). The test copy of the page drops the CSP and adds a script that writes the
    /// names broken mid-word into a body attribute; a narrow window squeezes the columns.</summary>
    [Test]
    public async Task Html_CategoryAndColumnNames_NeverBreakMidWord()
    {
        // Every <code> (categories, column locations, claim ids) may wrap only at its <wbr> points; a long column name
        // such as login_events.accept_language in a narrow window must not split inside a word.
        var inventory = SampleInventory.Build();
        inventory.Sources[0].Tables.Single(t => t.Name == "login_events").Columns.Add(Some.Column("accept_language", "automatic.browser_language"));
        var model = ReportModel.Build(inventory, PolicyDocument.Seed);
        var html = await HtmlAsync(model);
        const string probe = """
            <script>
            const bad = [];
            for (const el of document.querySelectorAll('code')) {
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(n);
                const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (tops.size > 1) bad.push(el.textContent);
              }
            }
            document.body.setAttribute('data-checked', String(document.querySelectorAll('code').length));
            document.body.setAttribute('data-midword', bad.join('|'));
            const wide = Array.from(document.querySelectorAll('table')).filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .map(t => (t.previousElementSibling ? t.previousElementSibling.textContent : '?') + ':' + Math.round(t.getBoundingClientRect().width));
            document.body.setAttribute('data-overflow', String(document.documentElement.scrollWidth - document.documentElement.clientWidth) + ' ' + wide.join('|'));
            </script>
            """;
        var instrumented = System.Text.RegularExpressions.Regex.Replace(html, "<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
            .Replace("</body>", probe + "</body>", StringComparison.Ordinal);

        var dom = await RunChromiumAsync(instrumented, "--window-size=760,3000", "--dump-dom");
        var screenshot = Path.Combine(_dir, "narrow.png");
        await RunChromiumAsync(html, "--window-size=760,3000", $"--screenshot={screenshot}");
        if (Environment.GetEnvironmentVariable("INVENTORY_KEEP_SCREENSHOT") is { Length: > 0 } keep) File.Copy(screenshot, keep, overwrite: true);

        var checkedCount = System.Text.RegularExpressions.Regex.Match(dom.Stdout, "data-checked=\"(\\d+)\"");
        var midword = System.Text.RegularExpressions.Regex.Match(dom.Stdout, "data-midword=\"([^\"]*)\"");
        var overflow = System.Text.RegularExpressions.Regex.Match(dom.Stdout, "data-overflow=\"([^\"]*)\"").Groups[1].Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(checkedCount.Success && int.Parse(checkedCount.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 20, Is.True, "the probe ran over the category cells");
            Assert.That(midword.Success, Is.True, "the probe ran");
            Assert.That(midword.Groups[1].Value, Is.Empty, "names broken inside a word");
            Assert.That(overflow, Does.StartWith("0 "), "no table widens the page beyond a 760 px window (scroll width - client width, wide tables)");
            Assert.That(html, Does.Contain("<code class=\"category\">contact.<wbr>company_name</code>"));
        }
    }

    [Test]
    public async Task Html_HostileTableName_IsTextNotMarkup()
    {
        // A table name is database-derived: it must render as text, never as an element.
        var table = Some.Table("<img src=x onerror=console.error(1)>", "account-management", Some.Column("email", "contact.email"));
        var model = ReportModel.Build(Some.Document(Some.Source("app", table)), PolicyDocument.Seed);

        var dom = await RunChromiumAsync(await HtmlAsync(model), "--dump-dom");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dom.Stdout, Does.Not.Contain("<img"));
            // Names carry <wbr> break points after '/', '.' and '_'; the text between them is escaped.
            Assert.That(dom.Stdout.Replace("<wbr>", "", StringComparison.Ordinal), Does.Contain("&lt;img src=x onerror=console.error(1)&gt;"));
            Assert.That(dom.Stderr, Does.Not.Contain("CONSOLE"));
        }
    }
}
