using Inventory;
using Inventory.Yaml;

// inventory-rules-compile YAML OUTPUT: writes the compiled form of a YAML file (Inventory.Yaml.CompiledYaml). A file that
// is not valid strict YAML fails the build with an error at its file, line and column, in the form MSBuild shows as an
// error ("file(line,column): error INV0001: message").
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: inventory-rules-compile YAML OUTPUT");
    return 2;
}
try
{
    CompiledYaml.Compile(args[0], args[1]);
    return 0;
}
catch (ConfigurationException e)
{
    var where = e.Line > 0 ? $"{e.File}({e.Line},{e.Column})" : e.File ?? args[0];
    Console.Error.WriteLine($"{where}: error INV0001: {e.Reason}");
    return 1;
}
