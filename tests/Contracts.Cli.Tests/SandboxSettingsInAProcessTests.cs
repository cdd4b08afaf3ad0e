using System.Text;
using Contracts.Accengage;
using Contracts.Engage;
using Contracts.Ogangi;
using Contracts.Onc;
using Microsoft.Extensions.Configuration;

namespace Contracts.Cli.Tests;

/// <summary>
/// `notify sandbox --json` prints a settings document that points a program at the running sandbox (the Native AOT
/// smoke test, build/aot-smoke, relies on it): its Contracts section binds to every vendor's options, and clients
/// built from them are answered by that sandbox.
/// </summary>
public sealed class SandboxSettingsInAProcessTests
{
    [Fact]
    public async Task The_printed_settings_bind_to_every_vendor_and_reach_the_running_sandbox()
    {
        using var sandbox = NotifyProcess.Start(["sandbox", "--json"]);
        var line = await sandbox.FirstOutputLineAsync();
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(line))).Build();

        var engage = configuration.GetSection(EngageClientOptions.SectionName).Get<EngageClientOptions>()!;
        var ogangi = configuration.GetSection(OgangiClientOptions.SectionName).Get<OgangiClientOptions>()!;
        var accengage = configuration.GetSection(AccengageClientOptions.SectionName).Get<AccengageClientOptions>()!;
        var onc = configuration.GetSection(OncClientOptions.SectionName).Get<OncClientOptions>()!;
        Assert.All(new Uri?[] { engage.BaseUrl, ogangi.BaseUrl, accengage.BaseUrl, onc.BaseUrl }, url => Assert.Equal("127.0.0.1", url?.Host));
        Assert.NotNull(ogangi.InstanceId);
        Assert.NotEqual("", accengage.PartnerId);
        Assert.NotEqual("", onc.Password);

        using (var client = new EngageClient(engage))
            Assert.NotNull((await client.CheckTokenHealthAsync()).Message);
        using (var client = new AccengageClient(accengage))
            Assert.NotEmpty(await client.EnumerateCampaignsAsync().Take(1).ToListAsync());
        using (var client = new OgangiClient(ogangi))
            Assert.NotEqual(0, (await client.GetMoMessagesAsync(1, 10)).Records);
        var program = Guid.Parse(configuration["Sandbox:EngageProgram"]!);
        Assert.NotEqual(Guid.Empty, program);

        // Ctrl+C is how the sandbox stops; like every interrupted notify command it exits 130 (the exit-code map).
        sandbox.Interrupt();
        var stopped = await sandbox.WaitAsync();
        Assert.Equal(ExitCodes.Cancelled, stopped.ExitCode);
        Assert.False(stopped.HasStackTrace, stopped.ToString());
    }

    [Theory]
    [InlineData(false, "\"links\":{")]
    [InlineData(true, "\"link\":[")]
    public async Task Document_variants_make_the_running_sandbox_answer_in_the_documents_other_forms(bool variants, string pagingOnTheWire)
    {
        using var sandbox = NotifyProcess.Start(variants ? ["sandbox", "--json", "--document-variants"] : ["sandbox", "--json"]);
        var line = await sandbox.FirstOutputLineAsync();
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(line))).Build();
        var options = configuration.GetSection(AccengageClientOptions.SectionName).Get<AccengageClientOptions>()!;

        using var recorder = new AnswerRecorder();
        using (var client = new AccengageClient(options, recorder))
            Assert.NotEmpty(await client.EnumerateCampaignsAsync().Take(1).ToListAsync()); // read either way

        var page = Assert.Single(recorder.Answers, answer => answer.Path.EndsWith("/campaigns", StringComparison.Ordinal));
        Assert.Contains(pagingOnTheWire, page.Body, StringComparison.Ordinal);
        sandbox.Interrupt();
        Assert.Equal(ExitCodes.Cancelled, (await sandbox.WaitAsync()).ExitCode);
    }

    /// <summary>The transport hook: sends over sockets and keeps each answer's body as text.</summary>
    /// <remarks>Without a propagator, as a transport of one's own should be: .NET's default one would make an HttpClient span of each request, seen by tests that listen to every source.</remarks>
    private sealed class AnswerRecorder() : DelegatingHandler(new SocketsHttpHandler { ActivityHeadersPropagator = null })
    {
        public List<(string Path, string Body)> Answers { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken); // buffers it: the client reads it again
            lock (Answers)
                Answers.Add((request.RequestUri!.AbsolutePath, body));
            return response;
        }
    }
}
