// Native AOT smoke test: calls every REST client of the SDK against a running sandbox, constructed with `new` and
// through dependency injection. Usage: Contracts.AotSmoke <settings.json>, the file `notify sandbox --json` prints.
using Contracts.Accengage;
using Contracts.AotSmoke;
using Contracts.Engage;
using Contracts.Ogangi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Contracts.AotSmoke <settings.json written by `notify sandbox --json`>");
    return 2;
}

var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(args[0]), optional: false).Build();
var sandbox = configuration.GetSection("Sandbox");
var program = Guid.Parse(sandbox["EngageProgram"]!);
var shortCode = sandbox["OgangiShortCode"]!;
var steps = new SmokeSteps();

// Built with `new`, options bound from configuration by the binder's source generator.
using (var engage = new EngageClient(configuration.GetSection(EngageClientOptions.SectionName).Get<EngageClientOptions>()!))
    await VendorCalls.EngageAsync(steps, "constructor", engage, program);
using (var ogangi = new OgangiClient(configuration.GetSection(OgangiClientOptions.SectionName).Get<OgangiClientOptions>()!))
    await VendorCalls.OgangiAsync(steps, "constructor", ogangi, shortCode);
using (var accengage = new AccengageClient(configuration.GetSection(AccengageClientOptions.SectionName).Get<AccengageClientOptions>()!))
    await VendorCalls.AccengageAsync(steps, "constructor", accengage);

// Built by the container, the way an ASP.NET Core or worker app gets them.
var services = new ServiceCollection();
services.AddEngageClient(configuration.GetSection(EngageClientOptions.SectionName));
services.AddOgangiClient(configuration.GetSection(OgangiClientOptions.SectionName));
services.AddAccengageClient(configuration.GetSection(AccengageClientOptions.SectionName));
await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
{
    await VendorCalls.EngageAsync(steps, "DI", provider.GetRequiredService<IEngageClient>(), program);
    await VendorCalls.OgangiAsync(steps, "DI", provider.GetRequiredService<IOgangiClient>(), shortCode);
    await VendorCalls.AccengageAsync(steps, "DI", provider.GetRequiredService<IAccengageClient>());
}

Console.WriteLine($"{steps.Passed} of {steps.Passed + steps.Failed} AOT smoke steps passed.");
return steps.Failed == 0 ? 0 : 1;
