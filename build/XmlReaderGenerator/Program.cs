using Contracts.XmlReaderGenerator;

// Usage: Contracts.XmlReaderGenerator --contract <openapi.yaml> --namespace <ns> --client <ClientName> --output <file.g.cs>
var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
    arguments[args[i]] = args[i + 1];
foreach (var required in new[] { "--contract", "--namespace", "--client", "--output" })
{
    if (!arguments.ContainsKey(required))
    {
        Console.Error.WriteLine($"XmlReaderGenerator: {required} is required.");
        return 2;
    }
}

try
{
    var contract = XmlContract.Load(arguments["--contract"]);
    var code = ReaderWriter.Write(contract, arguments["--namespace"], arguments["--client"], arguments["--contract"]);
    var output = arguments["--output"];
    // Left untouched when unchanged, as NSwag does, so an incremental build sees no new input.
    if (!File.Exists(output) || File.ReadAllText(output) != code)
        File.WriteAllText(output, code);
    return 0;
}
catch (XmlContractException problem)
{
    Console.Error.WriteLine($"{arguments["--contract"]}: error XMLGEN: {problem.Message}");
    return 1;
}
