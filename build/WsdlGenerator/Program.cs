using System.Globalization;
using Contracts.WsdlGenerator;

// Usage: Contracts.WsdlGenerator --contract <file.wsdl> --display-path <path shown in headers and errors>
//                                --namespace <C# namespace> --output <folder>
//        Contracts.WsdlGenerator --check <file.wsdl>    (lint: everything generation checks, nothing written)
// Exit code 0 on success, 1 on a contract error (printed as "file(line,col): error WSDLGEN: ..." for MSBuild), 2 on bad usage.
var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
    arguments[args[i]] = args[i + 1];
if (arguments.TryGetValue("--check", out var checkedContract) && args.Length == 2)
    return Check(checkedContract);
if (args.Length % 2 != 0 || !arguments.TryGetValue("--contract", out var contract) || !arguments.TryGetValue("--namespace", out var ns)
    || !arguments.TryGetValue("--output", out var output))
{
    Console.Error.WriteLine("usage: Contracts.WsdlGenerator --contract <file.wsdl> [--display-path <path>] --namespace <C# namespace> --output <folder>");
    Console.Error.WriteLine("       Contracts.WsdlGenerator --check <file.wsdl>");
    return 2;
}

try
{
    var options = new GeneratorOptions(contract, arguments.GetValueOrDefault("--display-path", contract), ns);
    var files = Generator.Generate(options);
    var (written, deleted) = OutputFolder.Update(output, files);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{options.ContractDisplayPath}: {files.Count} files, {written} written, {deleted} stale deleted"));
    return 0;
}
catch (WsdlGenerationException ex)
{
    // MSBuild's Exec turns lines in this form into build errors that point at the contract.
    Console.Error.WriteLine(ex.Message);
    return 1;
}

// The lint of a WSDL: the embedded schema compiles, every message part, port type operation and binding operation
// resolves, every construct is one the generator supports, and everything that becomes a public C# member is
// documented (its documentation is the member's XML documentation); generation runs in memory and nothing is written.
static int Check(string contract)
{
    try
    {
        var options = new GeneratorOptions(contract, contract, "Contracts.Check");
        var files = Generator.Generate(options);
        var undocumented = Generator.Undocumented(options);
        if (undocumented.Count > 0)
        {
            foreach (var what in undocumented)
                Console.Error.WriteLine($"{contract}: error WSDLGEN: {what} has no xs:documentation (wsdl:documentation for a service or operation): it becomes a public C# member, and its documentation is that member's XML documentation");
            return 1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{contract}: valid (schema compiles, every message, port type and binding operation resolves, everything is documented; {files.Count} files would be generated)"));
        return 0;
    }
    catch (WsdlGenerationException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 1;
    }
}
