using Inventory.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli;

/// <summary>Builds and runs the <c>inventory</c> command line. Errors become one line on stderr and an exit code;
/// the stack trace only with <c>--verbose</c>.</summary>
internal static class InventoryApp
{
    /// <param name="args">Command line.</param>
    /// <param name="console">Where commands write their output.</param>
    /// <param name="error">Where errors go (standard error in the real program); null writes them to <paramref name="console"/>.
    /// Errors are written as plain lines, never wrapped, so CI logs keep them whole.</param>
    /// <param name="interrupt">Cancelled when the user interrupts (Ctrl-C, in the real program): the command stops and
    /// exits <see cref="ExitCodes.Interrupted"/> with one line; files are written atomically, so none is left half-written.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Spectre.Console.Cli finds the commands' settings by reflection: it and our commands are kept whole in the Native AOT build (TrimmerRootAssembly in Inventory.Cli.csproj), and the AOT smoke (bench/aot-smoke.sh) runs every command.")]
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter? error = null, CancellationToken interrupt = default)
    {
        bool verbose = args.Contains("--verbose") || args.Contains("-v");
        if (args is ["--version"])
        {
            console.Write(new Text($"inventory {Scanning.ScanRunner.ToolVersion}\n"));
            return ExitCodes.Ok;
        }
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(IAnsiConsole), console);
        registrar.RegisterInstance(typeof(ErrorOutput), new ErrorOutput(console, error));
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("inventory");
            config.SetHelpProvider(new InventoryHelpProvider(config.Settings)); // lists --version and --verbose
            config.ConfigureConsole(console); // otherwise Spectre registers its own console over the injected one (tests lose output)
            config.PropagateExceptions();
            config.UseStrictParsing();          // an unknown or misspelt option is an error, never silently ignored
            config.SetInterceptor(new MissingValueInterceptor());
            config.ValidateExamples();
            config.AddCommand<ScanCommand>("scan")
                .WithDescription("Scan databases: read the catalog, sample rows read-only, classify every column, write inventory.json.")
                .WithExample("scan", "--connection", "sqlite:app.db", "--out", "inventory.json")
                .WithExample("scan", "--config", "inventory.yml");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("CI gate: fail (exit 1) when an in-scope column has no tag or an annotation is contradicted.")
                .WithExample("check", "--config", "inventory.yml", "--format", "text,sarif")
                .WithExample("check", "--inventory", "inventory.json", "--baseline", "baseline.json");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write the Article 30 records of processing (ROPA), the policy claims check, coverage and changes.")
                .WithExample("report", "--inventory", "inventory.json", "--out", "reports/");
            config.AddCommand<AnnotateCommand>("annotate")
                .WithDescription("Write YAML annotation stubs for untagged columns, with the suggested category as a comment.")
                .WithExample("annotate", "--inventory", "inventory.json", "--out", "annotations/");
            config.AddCommand<MergeCommand>("merge")
                .WithDescription("Join the inventories of a sharded scan (inventory scan --shard I/N) into one.")
                .WithExample("merge", "part-1.json", "part-2.json", "part-3.json", "--out", "inventory.json");
            config.AddCommand<ExportCommand>("export").WithDescription("Write the columns' categories as a script for the database's own catalog (SQL Server classifications, PostgreSQL/MySQL comments) or a Fides dataset.").WithExample("export", "--inventory", "inventory.json", "--format", "postgres-comments", "--out", "labels.sql");
            config.AddCommand<DiffCommand>("diff")
                .WithDescription("Compare two inventories: added, removed and changed tables, columns and categories.")
                .WithExample("diff", "old.json", "new.json");
            config.AddCommand<EvaluateCommand>("evaluate")
                .WithDescription("Measure classification accuracy against a gold TSV file (precision, recall, F1, confusion matrix).")
                .WithExample("evaluate", "--gold", "../shared/data/gold/chinook.tsv");
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train the column model from the labelled corpus (default $INVENTORY_SHARED/data/corpus, else ../shared/data/corpus).")
                .WithExample("train", "--corpus", "../shared/data/corpus", "--out", "rules/model/column-model.bin");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Create the demo PaaS-host database and run scan → check → reports end to end.")
                .WithExample("demo", "--out", "demo-out");
        });
        try
        {
            return await app.RunAsync(args.Where(a => a is not ("--verbose" or "-v")).ToArray(), interrupt);
        }
        catch (CommandParseException e) when (DidYouMean(args, e.Message) is { } hint)
        {
            return ReportError(console, error, new ConfigurationException(e.Message.TrimEnd('.') + hint, innerException: e), verbose);
        }
        catch (Exception e)
        {
            return ReportError(console, error, e, verbose, args.Where(a => a is not ("--verbose" or "-v")).ToArray());
        }
    }

    /// <summary>The settings type of each command, for the options a misspelt one is compared with.</summary>
    private static readonly Dictionary<string, Type> SettingsOf = new(StringComparer.Ordinal)
    {
        ["scan"] = typeof(ScanCommand.Settings), ["check"] = typeof(CheckCommand.Settings), ["report"] = typeof(ReportCommand.Settings),
        ["annotate"] = typeof(AnnotateCommand.Settings), ["export"] = typeof(ExportCommand.Settings), ["evaluate"] = typeof(EvaluateCommand.Settings),
        ["train"] = typeof(TrainCommand.Settings), ["demo"] = typeof(DemoCommand.Settings), ["diff"] = typeof(DiffCommand.Settings),
    };

    /// <summary>The commands, for the suggestion on a misspelt one.</summary>
    internal static readonly string[] CommandNames = ["scan", "check", "report", "annotate", "merge", "export", "diff", "evaluate", "train", "demo"];

    /// <summary>Settings that <c>inventory.yml</c> has and the command line does not, with how to write them: a CI author
    /// who tries <c>--fail-on claim</c> is told where it goes (trial38 finding 6: the error said only "Unknown option
    /// 'fail-on'").</summary>
    private static readonly Dictionary<string, string> ConfigOnly = new(StringComparer.Ordinal)
    {
        ["fail-on"] = "`check: { fail-on: [untagged, claim] }` (README, The CI gate; --strict adds conflict, stale, missing and transfer-without-safeguard)",
        ["connections-per-server"] = "`connections-per-server: 8` at its top level (README, Configuration)",
    };

    /// <summary>" (did you mean '--connection'?)" for the parser's "Unknown option 'conection'", from the command's own
    /// options, and " (did you mean 'scan'?)" for its "Unknown command 'scna'", from the commands
    /// (<see cref="Inventory.Yaml.NameSuggestions"/>, as for config keys). Spectre.Console.Cli suggests a command too,
    /// but only inside its multi-line rendering of the error, which the one-line error output does not use. An unknown
    /// command with nothing close gets the list of commands; an unknown option with nothing close, null.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The settings types are our commands' (this assembly), kept whole in the Native AOT build (TrimmerRootAssembly in Inventory.Cli.csproj).")]
    private static string? DidYouMean(string[] args, string message)
    {
        var command = System.Text.RegularExpressions.Regex.Match(message, @"^Unknown command '([^']+)'");
        if (command.Success)
            return Inventory.Yaml.NameSuggestions.Closest(command.Groups[1].Value, CommandNames) is { } name
                ? $" (did you mean '{name}'?)"
                : $"; the commands are {string.Join(", ", CommandNames)} (inventory --help describes them)";
        var unknown = System.Text.RegularExpressions.Regex.Match(message, @"^Unknown option '([^']+)'");
        if (unknown.Success && ConfigOnly.TryGetValue(unknown.Groups[1].Value, out var setting))
            return $"; it is a setting of inventory.yml, not an option: {setting}";
        if (!unknown.Success || args.Length == 0 || !SettingsOf.TryGetValue(args[0], out var settings)) return null;
        var names = settings.GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(CommandOptionAttribute), true).OfType<CommandOptionAttribute>().FirstOrDefault())
            .OfType<CommandOptionAttribute>().SelectMany(o => o.LongNames).Distinct();
        return Inventory.Yaml.NameSuggestions.Closest(unknown.Groups[1].Value, names) is { } closest ? $" (did you mean '--{closest}'?)" : null;
    }

    /// <summary>Rewrites the parser's type-conversion message ("Failed to convert 'abc' to Nullable`1.") in the user's
    /// terms, naming the option the value was given to and the form it takes when the command line shows them:
    /// <c>'abc' is not a valid value for --source-parallelism: a whole number is expected (see inventory scan --help)</c>.</summary>
    /// <param name="message">The parser's message.</param>
    /// <param name="args">The command line (null: unknown), searched for the option just before the value.</param>
    private static string ParseMessage(string message, string[]? args) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"^Failed to convert '(.*)' to [\w`]+\.?$", m =>
        {
            var value = m.Groups[1].Value;
            if (args is not { Length: > 0 } || OptionGiven(args, value) is not { } option)
                return $"'{value}' is not a valid value for this option (see --help for the expected form)";
            var form = ExpectedForm(args[0], option) is { } expected ? $": {expected} is expected" : "";
            var help = SettingsOf.ContainsKey(args[0]) ? $"inventory {args[0]} --help" : "--help";
            return $"'{value}' is not a valid value for {option}{form} (see {help})";
        });

    /// <summary>The option a value was given to on the command line: <c>--name value</c> or <c>--name=value</c>; null
    /// when the value is not found after an option.</summary>
    private static string? OptionGiven(string[] args, string value)
    {
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith('-') && args[i].EndsWith("=" + value, StringComparison.Ordinal)) return args[i][..args[i].IndexOf('=')];
            if (args[i] == value && args[i - 1].StartsWith('-') && args[i - 1].Length > 1) return args[i - 1];
        }
        return null;
    }

    /// <summary>The form a command's option takes, from its settings property type: "a whole number" or "a number";
    /// null for other types or an unknown command or option.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The settings types are our commands' (this assembly), kept whole in the Native AOT build (TrimmerRootAssembly in Inventory.Cli.csproj).")]
    private static string? ExpectedForm(string command, string option)
    {
        if (!SettingsOf.TryGetValue(command, out var settings)) return null;
        var name = option.TrimStart('-');
        var property = settings.GetProperties().FirstOrDefault(p => p.GetCustomAttributes(typeof(CommandOptionAttribute), true)
            .OfType<CommandOptionAttribute>().Any(o => o.LongNames.Contains(name, StringComparer.Ordinal) || o.ShortNames.Contains(name, StringComparer.Ordinal)));
        if (property is null) return null;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type == typeof(int) || type == typeof(long) || type == typeof(short) ? "a whole number"
            : type == typeof(double) || type == typeof(decimal) || type == typeof(float) ? "a number"
            : null;
    }

    /// <summary>Prints an error as one line (plus the stack with --verbose) and maps it to an exit code.</summary>
    /// <param name="console">Where to write without an error writer.</param>
    /// <param name="error">The error writer, or null.</param>
    /// <param name="e">The error.</param>
    /// <param name="verbose">Add the stack trace.</param>
    /// <param name="args">The command line, to name the option of a value that does not convert (null: unknown).</param>
    internal static int ReportError(IAnsiConsole console, TextWriter? error, Exception e, bool verbose, string[]? args = null)
    {
        if (StandardOutputTarget.IsBrokenPipe(e)) return ExitCodes.BrokenPipe; // the reader went away: nothing to say to it
        var (code, message) = e switch
        {
            ConfigurationException or ConnectorException => (ExitCodes.BadInput, e.Message),
            InventoryException => (ExitCodes.BadInput, e.Message),
            CommandParseException or CommandRuntimeException => (ExitCodes.BadInput, ParseMessage(e.Message, args)),
            OperationCanceledException => (ExitCodes.Interrupted, "interrupted: stopped before the output was written (files are written whole or not at all: an existing one is left as it was)"),
            _ => (ExitCodes.InternalError, $"internal error ({e.GetType().Name}); run again with --verbose and report it"),
        };
        var line = $"error: {message.ReplaceLineEndings(" ")}";
        if (error is not null)
        {
            error.WriteLine(line);
            if (verbose) error.WriteLine(e.ToString());
        }
        else
        {
            console.Write(new RawConsoleText(line, new Style(Color.Red))); // one line, never wrapped at the console width
            if (verbose) console.Write(new Text(e.ToString() + "\n"));
        }
        return code;
    }
}
