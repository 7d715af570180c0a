using Inventory.Classification;
using Inventory.Yaml;

namespace Inventory.Annotations;

/// <summary>
/// Reads annotation files strictly. A path is a folder (every <c>*.yml</c>/<c>*.yaml</c> below it, recursively, hidden
/// files and folders skipped, in ordinal order of their relative paths) or a single file. Each file is a YAML stream of
/// documents separated by <c>---</c>, one per table:
/// <code>
/// table: app.users            # exact, case-sensitive; schema-qualified outside the default schema
/// source: app                 # optional: only when several sources hold the name
/// activity: account-management
/// retention: account lifetime + 30 days
/// shared-with: [intercom]
/// reason: reviewed 2025-05-02
/// default: { category: contact }   # table-level default (or `category: contact`): never tags a column
/// columns:
///   email: contact.email      # short form
///   last_sign_in_ip: { category: automatic.ip_address, retention: 13 months, shared-with: [intercom] }
///   notes: { category: none, reason: "staff notes, reviewed", type: text }
///   payload:                  # a JSON document column: its paths, as the inventory names them (C28)
///     type: jsonb
///     paths:
///       $.customer.email: contact.email
///       $.ctx.ip: { category: automatic.ip_address, reason: reviewed 2025-05-02 }
///       $.plan: none
/// </code>
/// A path entry takes <c>category</c> and <c>reason</c> (short form: the category alone). A column whose own entry has
/// no category takes the most identifying category among its paths (<see cref="Classification.JsonPathText.Rank"/>),
/// and counts as tagged once every path the scan named is annotated with a category. A path that is not
/// <c>$</c> followed by <c>.key</c> and <c>[*]</c> steps is an error at the path's key.
/// Unknown keys, unknown categories, duplicate keys, columns or tables, tabs and bad indentation are
/// <see cref="AnnotationError"/>s with their kind, file, line and column. Loading never stops at the first error: every
/// file is read, every error is collected, and the valid parts (other files, other documents, other columns of a
/// document) are kept. A key given twice (<c>ville:</c> on two lines) applies neither entry (which one was meant is
/// unknown; the column stays untagged and is reported); a YAML syntax error (a tab in indentation, bad indentation)
/// makes the whole file unreadable, and its error says that none of the file's annotations were applied.
/// <para>Nothing is left for a later round (trial35 finding 9): each entry of a duplicated key is still validated (a
/// misspelt category in either is named), and a second document for an already annotated table is still read: it is
/// never applied (<see cref="AnnotationSet.Duplicates"/>), but its errors, its policy ids and its stale entries are
/// reported with the duplicate itself. The errors come in one order, whatever command prints them:
/// <see cref="AnnotationError.InReadingOrder"/> (file, line, column).</para>
/// </summary>
public sealed class AnnotationLoader
{
    private static readonly string[] TableKeys = ["table", "source", "activity", "retention", "shared-with", "reason", "category", "default", "columns"];
    private static readonly string[] ColumnKeys = ["category", "reason", "retention", "shared-with", "type", "paths"];
    private static readonly string[] PathKeys = ["category", "reason"];
    private readonly IKnownCategories _categories;

    /// <summary>Creates a loader.</summary>
    /// <param name="categories">The categories an annotation may name (the taxonomy); defaults to <see cref="KnownCategories.BuiltIn"/>.</param>
    public AnnotationLoader(IKnownCategories? categories = null) => _categories = categories ?? KnownCategories.BuiltIn;

    /// <summary>Loads a folder of annotation files, or one file.</summary>
    /// <param name="path">Folder or file.</param>
    /// <returns>The valid annotations and every error met.</returns>
    /// <exception cref="ConfigurationException">The path does not exist.</exception>
    public AnnotationSet Load(string path)
    {
        var full = Path.GetFullPath(path);
        IReadOnlyList<string> files;
        if (Directory.Exists(full))
            files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                .Where(f => IsAnnotationFile(full, f))
                .OrderBy(f => Path.GetRelativePath(full, f).Replace('\\', '/'), StringComparer.Ordinal)
                .ToArray();
        else if (File.Exists(full))
            files = [full];
        else
            throw new ConfigurationException("annotations folder or file not found; create it or run `inventory annotate --out DIR`", path);

        var annotations = new List<TableAnnotation>();
        var duplicates = new List<TableAnnotation>();
        var errors = new List<AnnotationError>();
        var seen = new Dictionary<(string?, string), AnnotationLocation>();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException e)
            {
                errors.Add(new AnnotationError(AnnotationErrorKind.Unreadable, $"cannot read the file: {e.Message}", file, 0, 0));
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                errors.Add(new AnnotationError(AnnotationErrorKind.Unreadable, "no permission to read the file", file, 0, 0));
                continue;
            }
            foreach (var table in ParseFile(text, file, errors, duplicates))
            {
                var key = (table.Source, table.Table);
                if (seen.TryGetValue(key, out var first))
                {
                    errors.Add(new AnnotationError(AnnotationErrorKind.DuplicateTable,
                        $"table '{table.Table}' is already annotated at {AnnotationMerger.DisplayPath(first.File, Directory.GetCurrentDirectory())}:{first.Line}:{first.Column}; keep one entry per table (merge the two)",
                        table.Location.File, table.Location.Line, table.Location.Column));
                    duplicates.Add(table);
                    continue;
                }
                seen[key] = table.Location;
                annotations.Add(table);
            }
        }
        return new AnnotationSet(annotations, AnnotationError.InReadingOrder(errors), files, full) { Duplicates = duplicates };
    }

    /// <summary>Parses one annotation file's text.</summary>
    /// <param name="text">YAML text.</param>
    /// <param name="file">File name for positions.</param>
    /// <param name="errors">Receives every error; valid documents and columns are still returned.</param>
    /// <returns>The table annotations of the file.</returns>
    public IReadOnlyList<TableAnnotation> Parse(string text, string file, ICollection<AnnotationError> errors) =>
        ParseFile(text, file, errors, duplicateTables: []);

    /// <summary><see cref="Parse"/>, also returning the documents of a table already annotated earlier in the file: they
    /// are not applied, but <see cref="Load"/> keeps them so their stale entries and policy ids are checked.</summary>
    private List<TableAnnotation> ParseFile(string text, string file, ICollection<AnnotationError> errors, ICollection<TableAnnotation> duplicateTables)
    {
        List<YNode> documents;
        var duplicates = new List<ConfigurationException>();
        try
        {
            documents = StrictYaml.ReadDocuments(text, file, duplicates);
        }
        catch (ConfigurationException e)
        {
            // A syntax error stops the file's parse: say that nothing of it was applied, not just where it broke. Every
            // error one run can name is given, in line order (trial33 finding 9): each tab in indentation, and the
            // parser's first error, after which it cannot read on.
            var found = StrictYaml.SyntaxErrors(text, file, out var stopped);
            if (found.Count == 0) found = [e];
            for (var i = 0; i < found.Count; i++)
            {
                var error = found[i];
                var message = error.Reason
                    + (i == 0 ? "; none of this file's annotations were applied (fix the file and run again)" : "")
                    + (stopped && error.Reason != StrictYaml.TabInIndentation && ReferenceEquals(error, found.Last(f => f.Reason != StrictYaml.TabInIndentation))
                        ? "; the YAML parser stops here, so an error further down shows only once this one is fixed" : "");
                errors.Add(new AnnotationError(AnnotationErrorKind.Syntax, message, error.File, error.Line, error.Column));
            }
            return [];
        }
        // A repeated key is an error of its entry only (neither entry applies); the other entries are read below. A column
        // given twice names its column, so the gate can say why that column stays untagged.
        var duplicateColumns = new Dictionary<(int Line, int Column), string>();
        foreach (var document in documents)
            if (document is YMapping { } table && table["columns"] is YMapping columnMap)
                foreach (var key in columnMap.DuplicateKeys)
                    duplicateColumns[(key.Line, key.Column)] = key.Value;
        foreach (var duplicate in duplicates)
            errors.Add(AnnotationError.From(AnnotationErrorKind.DuplicateKey, duplicate) with
            {
                ColumnName = duplicateColumns.GetValueOrDefault((duplicate.Line, duplicate.Column)),
            });
        var tables = new List<TableAnnotation>();
        var seenInFile = new Dictionary<(string?, string), int>();
        foreach (var document in documents)
        {
            if (document is not YMapping map)
            {
                errors.Add(AnnotationError.From(AnnotationErrorKind.Structure, document.Error("an annotation document must be a mapping with 'table:' and 'columns:'")));
                continue;
            }
            var table = ReadTable(map, errors);
            if (table is null) continue;
            if (seenInFile.TryGetValue((table.Source, table.Table), out var firstLine))
            {
                errors.Add(new AnnotationError(AnnotationErrorKind.DuplicateTable,
                    $"table '{table.Table}' is already annotated on line {firstLine} of this file; keep one document per table",
                    file, table.Location.Line, table.Location.Column));
                duplicateTables.Add(table with { TablesInFile = documents.Count });
                continue;
            }
            seenInFile[(table.Source, table.Table)] = table.Location.Line;
            tables.Add(table);
        }
        return [.. tables.Select(t => t with { TablesInFile = documents.Count })];
    }

    /// <summary>Parses one file and throws its first error (for callers that need a file to be fully valid).</summary>
    /// <param name="path">Annotation file.</param>
    /// <exception cref="ConfigurationException">The first error, with file, line and column.</exception>
    public IReadOnlyList<TableAnnotation> LoadFile(string path)
    {
        var errors = new List<AnnotationError>();
        var tables = Parse(File.ReadAllText(path), Path.GetFullPath(path), errors);
        if (errors.Count > 0) throw errors[0].ToException();
        return tables;
    }

    private static bool IsAnnotationFile(string root, string file)
    {
        var ext = Path.GetExtension(file);
        if (!ext.Equals(".yml", StringComparison.OrdinalIgnoreCase) && !ext.Equals(".yaml", StringComparison.OrdinalIgnoreCase))
            return false;
        return !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(part => part.StartsWith('.'));
    }

    private TableAnnotation? ReadTable(YMapping map, ICollection<AnnotationError> errors)
    {
        CheckKeys(map, "a table annotation", TableKeys, errors);
        // `table:` given twice: which table is meant is unknown, so the document is not applied (its error is recorded).
        if (map.DuplicateKeys.Any(k => k.Value == "table")) return null;

        var tableNode = map["table"];
        if (tableNode is not YScalar { IsNull: false } tableScalar || tableScalar.Value.Trim().Length == 0)
        {
            errors.Add(AnnotationError.From(AnnotationErrorKind.Structure, (tableNode ?? map).Error(tableNode is null
                ? "an annotation document needs 'table:' (the table name as the inventory spells it)"
                : "'table' must be the table name, e.g. `table: app.users`")));
            return null;
        }
        try { TableNamePattern.Of(tableScalar.Value); }
        catch (ConfigurationException e)
        {
            errors.Add(AnnotationError.From(AnnotationErrorKind.InvalidValue, tableScalar.Error($"'table' {e.Message}")));
            return null;
        }
        var source = Try(errors, () => map.String("source"));
        // One id or a list: a table serving several processing activities (a users table of account management and
        // marketing) is listed under each in the record of processing (Art. 30(1)(c)); no id is primary.
        var activities = ActivityIds(map, errors);
        var retention = Try(errors, () => map.String("retention"));
        var sharedWith = Try(errors, () => map.Strings("shared-with")) ?? [];
        var reason = Try(errors, () => map.String("reason"));

        string? defaultCategory = null;
        if (map["category"] is not null && map["default"] is not null)
            errors.Add(AnnotationError.From(AnnotationErrorKind.Structure, map["default"]!.Error("give the table-level default once: either 'category:' or 'default: { category: … }'")));
        else if (map["category"] is not null)
            defaultCategory = Category(map, "category", errors, columnName: null);
        else if (Try(errors, () => map.Mapping("default")) is { } defaults)
        {
            CheckKeys(defaults, "a table default", ["category"], errors);
            defaultCategory = Category(defaults, "category", errors, columnName: null);
        }

        var references = new List<PolicyReference>();
        if (activities.Count > 0) references.AddRange(ActivityReferences(map["activity"]));
        references.AddRange(Recipients(map["shared-with"]));
        // A table-level key given twice applies neither value, but each is still checked: a misspelt id or category in
        // either is named now, not one round later (trial35 finding 9).
        foreach (var (key, value) in map.DuplicateEntries)
        {
            if (key.Value == "activity")
                references.AddRange(ActivityReferences(value));
            else if (key.Value == "shared-with")
                references.AddRange(Recipients(value));
            else if (key.Value == "category" && value is YScalar { IsNull: false } duplicateCategory && !_categories.IsKnown(duplicateCategory.Value))
                errors.Add(UnknownCategory(duplicateCategory, columnName: null));
        }
        var columns = new List<ColumnAnnotation>();
        var entryNames = new List<string>();
        var columnsNode = map["columns"];
        switch (columnsNode)
        {
            case null:
            case YScalar { IsNull: true }:
                break;
            case YMapping columnMap:
                foreach (var (key, value) in columnMap.Entries)
                {
                    if (key.Value.Length == 0)
                    {
                        errors.Add(AnnotationError.From(AnnotationErrorKind.Structure, key.Error("a column name cannot be empty")));
                        continue;
                    }
                    entryNames.Add(key.Value);
                    var column = ReadColumn(key, value, errors);
                    if (column is null) continue;
                    columns.Add(column);
                    if (value is YMapping entry) references.AddRange(Recipients(entry["shared-with"]));
                }
                // A column given twice applies neither entry; each is validated all the same (its category, keys and
                // recipients), so deleting the wrong one of the pair never reveals an error one round later.
                foreach (var (key, value) in columnMap.DuplicateEntries)
                {
                    if (!entryNames.Contains(key.Value, StringComparer.Ordinal)) entryNames.Add(key.Value);
                    _ = ReadColumn(key, value, errors);
                    if (value is YMapping entry) references.AddRange(Recipients(entry["shared-with"]));
                }
                break;
            default:
                errors.Add(AnnotationError.From(AnnotationErrorKind.Structure, columnsNode.Error($"'columns' must be a mapping of column: entry lines, not {columnsNode.KindName}")));
                break;
        }

        return new TableAnnotation
        {
            Table = tableScalar.Value,
            Source = source,
            Activities = activities,
            Retention = retention,
            SharedWith = sharedWith,
            Reason = reason,
            DefaultCategory = defaultCategory,
            Columns = columns,
            EntryNames = entryNames,
            PolicyReferences = references,
            Location = new AnnotationLocation(tableScalar.File, tableScalar.Line, tableScalar.Column),
            SourceLocation = source is not null && map["source"] is YScalar sourceScalar
                ? new AnnotationLocation(sourceScalar.File, sourceScalar.Line, sourceScalar.Column) : null,
        };
    }

    /// <summary>The recipient ids of a <c>shared-with:</c> value (one value or a list), each with its place.</summary>
    private static IEnumerable<PolicyReference> Recipients(YNode? sharedWith) => References(PolicyReferenceKind.Recipient, sharedWith);

    private static IEnumerable<PolicyReference> ActivityReferences(YNode? activity) => References(PolicyReferenceKind.Activity, activity);

    /// <summary>The ids a key names, one scalar or a list of them, each at its own place (an unknown one is named there).</summary>
    private static IEnumerable<PolicyReference> References(PolicyReferenceKind kind, YNode? node)
    {
        IEnumerable<YScalar> items = node switch
        {
            YScalar { IsNull: false } one => [one],
            YSequence list => list.Items.OfType<YScalar>().Where(i => !i.IsNull),
            _ => [],
        };
        return items.Select(i => new PolicyReference(kind, i.Value, new AnnotationLocation(i.File, i.Line, i.Column)));
    }

    /// <summary>The table's <c>activity:</c>, one id or a list of ids (<c>activity: [accounts, marketing]</c>), in file
    /// order without repeats; empty when the key is absent. An empty list, a repeated id or an item that is not an id
    /// is an error at its place (the valid ids are kept).</summary>
    private static IReadOnlyList<string> ActivityIds(YMapping map, ICollection<AnnotationError> errors)
    {
        if (map["activity"] is not YSequence list) return Try(errors, () => map.String("activity")) is { } one ? [one] : [];
        if (list.Items.Count == 0)
        {
            errors.Add(AnnotationError.From(AnnotationErrorKind.InvalidValue, list.Error("'activity' is an empty list: name the processing activity (or activities) the table's data serves, or leave the key out")));
            return [];
        }
        var ids = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is not YScalar { IsNull: false } id || id.Value.Length == 0)
                errors.Add(AnnotationError.From(AnnotationErrorKind.InvalidValue, item.Error($"each item of 'activity' must be a processing activity id, not {item.KindName}")));
            else if (ids.Contains(id.Value, StringComparer.Ordinal))
                errors.Add(AnnotationError.From(AnnotationErrorKind.InvalidValue, id.Error($"activity '{id.Value}' is listed twice")));
            else
                ids.Add(id.Value);
        }
        return ids;
    }

    private ColumnAnnotation? ReadColumn(YScalar key, YNode value, ICollection<AnnotationError> errors)
    {
        var location = new AnnotationLocation(key.File, key.Line, key.Column);
        switch (value)
        {
            case YScalar { IsNull: true }:
                return new ColumnAnnotation { Name = key.Value, Location = location };
            case YScalar scalar:
                if (!_categories.IsKnown(scalar.Value))
                {
                    errors.Add(UnknownCategory(scalar, key.Value));
                    return null;
                }
                return new ColumnAnnotation { Name = key.Value, Category = scalar.Value, Location = location };
            case YMapping entry:
            {
                int before = errors.Count;
                CheckKeys(entry, $"the entry of column '{key.Value}'", ColumnKeys, errors);
                var category = Category(entry, "category", errors, key.Value);
                var reason = Try(errors, () => entry.String("reason"));
                var retention = Try(errors, () => entry.String("retention"));
                var sharedWith = Try(errors, () => entry.Strings("shared-with")) ?? [];
                var type = Try(errors, () => entry.String("type"));
                // A column entry with an error is dropped (the column stays untagged) rather than half-read. Its errors name
                // the column, so that `check` says the entry was dropped, at its line, rather than "no entry" (trial38
                // finding 3: a misspelt `categroy:` read as a missing entry, and a second entry was then added).
                if (errors.Count > before)
                {
                    foreach (var dropped in errors.Skip(before).ToList())
                    {
                        if (dropped.ColumnName is not null) continue;
                        errors.Remove(dropped);
                        errors.Add(dropped with { ColumnName = key.Value });
                    }
                    return null;
                }
                // A path entry with an error is dropped alone: the path stays unannotated, so the column is not tagged
                // through its paths, and the column's own decision still holds.
                var paths = ReadPaths(key.Value, entry["paths"], errors);
                return new ColumnAnnotation
                {
                    Name = key.Value, Category = category, Reason = reason, Retention = retention, SharedWith = sharedWith,
                    Type = type, Location = location, Paths = paths,
                };
            }
            default:
                errors.Add(AnnotationError.From(AnnotationErrorKind.InvalidValue, value.Error($"the entry of column '{key.Value}' must be a category (`{key.Value}: contact.email`) or a mapping (`{{ category: contact.email, reason: … }}`), not {value.KindName}"), key.Value));
                return null;
        }
    }

    /// <summary>The entries of a column's <c>paths:</c> mapping (absent or empty: none); an entry with an error is left out
    /// and its error recorded.</summary>
    private IReadOnlyList<PathAnnotation> ReadPaths(string columnName, YNode? node, ICollection<AnnotationError> errors)
    {
        switch (node)
        {
            case null:
            case YScalar { IsNull: true }:
                return [];
            case YMapping map:
                var paths = new List<PathAnnotation>();
                foreach (var (key, value) in map.Entries)
                {
                    if (!JsonPathText.IsSchemaShape(key.Value))
                    {
                        errors.Add(AnnotationError.From(AnnotationErrorKind.InvalidValue, key.Error(
                            $"'{Suggestions.OneLine(key.Value)}' under column '{columnName}' is not a JSON path the scan names; write `$` followed by " +
                            "`.key` steps (letters, digits, _ or -, starting with a letter or _) and `[*]` for array elements, e.g. `$.customer.email` or `$.items[*].sku`")));
                        continue;
                    }
                    var location = new AnnotationLocation(key.File, key.Line, key.Column);
                    switch (value)
                    {
                        case YScalar { IsNull: true }:
                            paths.Add(new PathAnnotation { Path = key.Value, Location = location });
                            break;
                        case YScalar scalar:
                            if (!_categories.IsKnown(scalar.Value)) { errors.Add(UnknownCategory(scalar, columnName)); break; }
                            paths.Add(new PathAnnotation { Path = key.Value, Category = scalar.Value, Location = location });
                            break;
                        case YMapping entry:
                        {
                            int before = errors.Count;
                            CheckKeys(entry, $"the entry of path '{key.Value}' of column '{columnName}'", PathKeys, errors);
                            var category = Category(entry, "category", errors, columnName);
                            var reason = Try(errors, () => entry.String("reason"));
                            if (errors.Count > before) break;
                            paths.Add(new PathAnnotation { Path = key.Value, Category = category, Reason = reason, Location = location });
                            break;
                        }
                        default:
                            errors.Add(AnnotationError.From(AnnotationErrorKind.InvalidValue, value.Error(
                                $"the entry of path '{key.Value}' must be a category (`{key.Value}: contact.email`) or a mapping (`{{ category: contact.email, reason: … }}`), not {value.KindName}")));
                            break;
                    }
                }
                return paths;
            default:
                errors.Add(AnnotationError.From(AnnotationErrorKind.Structure, node.Error(
                    $"'paths' of column '{columnName}' must be a mapping of JSON path: entry lines (`$.customer.email: contact.email`), not {node.KindName}")));
                return [];
        }
    }

    /// <summary>The category under <paramref name="key"/>, or null when absent or invalid (the error is recorded).</summary>
    private string? Category(YMapping map, string key, ICollection<AnnotationError> errors, string? columnName)
    {
        var value = Try(errors, () => map.String(key));
        if (value is null) return null;
        if (_categories.IsKnown(value)) return value;
        errors.Add(UnknownCategory((YScalar)map[key]!, columnName));
        return null;
    }

    private AnnotationError UnknownCategory(YScalar node, string? columnName)
    {
        var suggestion = Closest.Find(node.Value, _categories.All);
        return AnnotationError.From(AnnotationErrorKind.UnknownCategory,
            node.Error($"unknown category '{node.Value}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; " +
                       "use none, a category (contact, financial, automatic, customer_content, other_personal) or category.subcategory from the taxonomy"),
            columnName);
    }

    private static void CheckKeys(YMapping map, string what, string[] allowed, ICollection<AnnotationError> errors)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (allowed.Contains(key.Value, StringComparer.Ordinal)) continue;
            var suggestion = Closest.Find(key.Value, allowed);
            errors.Add(AnnotationError.From(AnnotationErrorKind.UnknownKey, key.Error($"unknown key '{key.Value}' in {what}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; " +
                                 $"allowed keys: {string.Join(", ", allowed)}")));
        }
    }

    private static T? Try<T>(ICollection<AnnotationError> errors, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ConfigurationException e)
        {
            errors.Add(AnnotationError.From(AnnotationErrorKind.InvalidValue, e));
            return default;
        }
    }
}
