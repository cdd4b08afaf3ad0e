using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Contracts.Benchmarks.Harness;

/// <summary>
/// Runs one [Benchmark] method in a plain loop, outside BenchmarkDotNet, for profilers that watch a whole process:
/// <c>perf record</c> (with DOTNET_PerfMapEnabled=1), <c>valgrind --tool=callgrind</c> (instruction counts, repeatable
/// on a loaded machine) and <see cref="AllocationSampler"/>.
/// </summary>
public sealed class BenchmarkLoop
{
    private readonly object _instance;
    private readonly MethodInfo _method;

    private BenchmarkLoop(object instance, MethodInfo method)
    {
        _instance = instance;
        _method = method;
    }

    /// <summary>Creates the benchmark class (first value of each [Params]) and runs its [GlobalSetup].</summary>
    /// <param name="name">Class.Method, e.g. EngagePushBenchmarks.Sdk.</param>
    public static async Task<BenchmarkLoop> CreateAsync(string name)
    {
        var dot = name.LastIndexOf('.');
        var classes = typeof(BenchmarkLoop).Assembly.GetTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)).ToList();
        var type = classes.SingleOrDefault(t => t.Name == name[..dot])
            ?? throw new ArgumentException($"no benchmark class '{name[..dot]}': {string.Join(", ", classes.Select(t => t.Name))}");
        var method = type.GetMethod(name[(dot + 1)..]) ?? throw new ArgumentException($"{type.Name} has no method '{name[(dot + 1)..]}'");
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<ParamsAttribute>() is { } values)
                property.SetValue(instance, values.Values[0]);
        }
        foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
            await AwaitResult(setup.Invoke(instance, null)).ConfigureAwait(false);
        return new BenchmarkLoop(instance, method);
    }

    /// <summary>Calls the method <paramref name="count"/> times, one after the other.</summary>
    public async Task RunAsync(int count)
    {
        for (var i = 0; i < count; i++)
            await AwaitResult(_method.Invoke(_instance, null)).ConfigureAwait(false);
    }

    /// <summary>Calls the method once and returns what it returned (a task, for an async benchmark).</summary>
    public object? InvokeOnce() => _method.Invoke(_instance, null);

    /// <summary>Awaits what a benchmark method returned, if it is a task.</summary>
    public static async Task AwaitResult(object? result)
    {
        switch (result)
        {
            case Task task:
                await task.ConfigureAwait(false);
                break;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                break;
        }
    }
}
