using System.Diagnostics.CodeAnalysis;
using Spectre.Console.Cli;

namespace Inventory.Cli;

/// <summary>Minimal registrar so commands get <see cref="Spectre.Console.IAnsiConsole"/> and other services by constructor
/// injection (tests pass a TestConsole).</summary>
internal sealed class TypeRegistrar : ITypeRegistrar
{
    private readonly Dictionary<Type, List<Func<object>>> _factories = [];

    public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));
    public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);
    public void RegisterLazy(Type service, Func<object> factory)
    {
        var lazy = new Lazy<object>(factory);
        Add(service, () => lazy.Value);
    }

    private void Add(Type service, Func<object> factory)
    {
        if (!_factories.TryGetValue(service, out var list)) _factories[service] = list = [];
        list.Add(factory);
    }
    public ITypeResolver Build() => new Resolver(this);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Spectre.Console.Cli registers and resolves its own types and our commands, both kept whole in the Native AOT build (TrimmerRootAssembly in Inventory.Cli.csproj); the AOT smoke (bench/aot-smoke.sh) runs every command.")]
    private object Create(Type type)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => Resolve(p.ParameterType) ?? throw new InvalidOperationException($"cannot resolve {p.ParameterType.Name} for {type.Name}")).ToArray();
        return ctor.Invoke(args);
    }

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only arrays of services (classes) are made, whose code Native AOT shares across reference types.")]
    private object? Resolve(Type? type)
    {
        if (type is null) return null;
        if (_factories.TryGetValue(type, out var factories)) return factories[^1]();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var item = type.GetGenericArguments()[0];
            var found = _factories.TryGetValue(item, out var all) ? all.Select(f => f()).ToArray() : [];
            var array = Array.CreateInstance(item, found.Length);
            for (int i = 0; i < found.Length; i++) array.SetValue(found[i], i);
            return array;
        }
        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private sealed class Resolver(TypeRegistrar registrar) : ITypeResolver
    {
        public object? Resolve(Type? type) => registrar.Resolve(type);
    }
}
