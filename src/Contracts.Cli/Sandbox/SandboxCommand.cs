using System.CommandLine;
using Contracts.Sandbox;
using Contracts.Sandbox.Accengage;

namespace Contracts.Cli.Sandbox;

/// <summary>
/// `notify sandbox`: runs the sandbox in the foreground until Ctrl+C, for other tools (pact verifier, benchmarks, the
/// Native AOT smoke test, a browser). With `--json` it prints a settings document on one line (see <see cref="SandboxSettings"/>).
/// </summary>
internal static class SandboxCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one and prints it).", DefaultValueFactory = _ => 0 };
        var documentVariants = new Option<bool>("--document-variants")
        {
            Description = "Answer in the alternative forms the vendor documents show (Accengage: bare-array errors, `link` as an array, spaced dates; ENGAGE: errorCode in its other type), to try a client against them.",
        };
        var command = new Command("sandbox", "Run the vendor sandbox on 127.0.0.1 until Ctrl+C and print its base URLs.") { port, documentVariants };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var context = globals.CreateContext(parse);
            await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Port = parse.GetValue(port), DocumentVariants = parse.GetValue(documentVariants) }, cancellationToken);
            if (context.Json)
                context.Output.WriteLine(CommandContext.Serialize(SandboxSettings.For(sandbox), indented: false)); // one line: a reader knows when it has it all
            else
                context.Output.WriteLine($"Sandbox listening at {sandbox.BaseUrl}\n  ENGAGE: {sandbox.EngageBaseUrl} (client id '{sandbox.Options.Engage.ClientId}', secret '{sandbox.Options.Engage.ClientSecret}')\n" +
                    $"  Ogangi: {sandbox.OgangiBaseUrl} (instance {sandbox.Options.Ogangi.InstanceId}, public key '{sandbox.Options.Ogangi.PublicKey}', private key '{sandbox.Options.Ogangi.PrivateKey}')\n" +
                    $"  Accengage: {sandbox.AccengageBaseUrl} (user '{sandbox.Options.Accengage.UserEmail}', API key '{sandbox.Options.Accengage.ApiKey}', partner ID '{AccengageSandboxOptions.DemoPartnerId}')\n" +
                    $"  ONC: {sandbox.OncBaseUrl} (account '{sandbox.Options.Onc.AccountId}', user '{sandbox.Options.Onc.UserName}', password '{sandbox.Options.Onc.Password}')\nCtrl+C stops it.");
            await context.Output.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the normal way out (notify exits 130, as every interrupted command does).
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
