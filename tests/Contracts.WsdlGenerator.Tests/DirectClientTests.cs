using System.Reflection;

namespace Contracts.WsdlGenerator.Tests;

/// <summary>
/// The generated direct client implements the service interface over the generated sender interface: each method
/// hands its operation's wsdl name and its parameters, in the contract's order, to the sender, and gives back what the
/// sender read; a one-way operation goes to the sender's one-way method, which only a contract with one has.
/// </summary>
public sealed class DirectClientTests
{
    /// <summary>A sender of the test's own, compiled with the generated code so that it can implement its internal interface.</summary>
    private const string RecordingSender = """
        #nullable enable
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace Generated.Library;

        public sealed class RecordingSender : ILibraryOperationSender
        {
            public List<(string Operation, bool OneWay, object?[] Inputs)> Sent { get; } = [];

            public object? Result { get; set; }

            public Task<T> SendAsync<T>(string operation, params object?[] inputs)
            {
                Sent.Add((operation, false, inputs));
                return Task.FromResult(Result is T result ? result : default(T)!);
            }

            public Task SendOneWayAsync(string operation, params object?[] inputs)
            {
                Sent.Add((operation, true, inputs));
                return Task.CompletedTask;
            }

            public static ILibrary DirectClient(RecordingSender sender) => new LibraryDirectClient(sender);
        }
        """;

    private static readonly Lazy<GeneratedAssembly> Library = new(() => GeneratedAssembly.Build(GeneratedAssembly.ContractPath("library.wsdl"), RecordingSender));

    [Fact]
    public async Task Each_operation_is_sent_by_its_wsdl_name_with_its_parameters_in_the_contracts_order()
    {
        var (sender, client) = NewClient();
        var book = Activator.CreateInstance(Library.Value.Type("Book"));
        var id = Guid.NewGuid();
        var genre = Enum.ToObject(Library.Value.Type("Genre"), 1);
        var rating = Enum.ToObject(Library.Value.Type("Rating"), 2);

        await Call(client, "AddBookAsync", book);
        await Call(client, "FindBookAsync", id);
        await Call(client, "ListTitlesAsync", genre, rating);
        await Call(client, "PingAsync");
        await Call(client, "NotifyAsync", "hello");
        await Call(client, "RenameAsync", "the event", "the new title");

        var sent = Sent(sender);
        Assert.Equal(["AddBook", "FindBook", "ListTitles", "Ping", "Notify", "Rename"], sent.Select(s => s.Operation));
        Assert.Equal([book], sent[0].Inputs);
        Assert.Equal([id], sent[1].Inputs);
        Assert.Equal([genre, rating], sent[2].Inputs);
        Assert.Empty(sent[3].Inputs);
        Assert.Equal(["hello"], sent[4].Inputs);
        // Rename(event, new-title): the keyword and the non-identifier name keep their places.
        Assert.Equal(["the event", "the new title"], sent[5].Inputs);
        // Notify declares no output: the one-way send, no reply read; Ping's empty reply is still read.
        Assert.Equal([false, false, false, false, true, false], sent.Select(s => s.OneWay));
    }

    [Fact]
    public async Task A_result_is_what_the_sender_read_and_the_class_is_internal_and_sealed()
    {
        var (sender, client) = NewClient();
        sender.GetType().GetProperty("Result")!.SetValue(sender, "renamed");

        var task = (Task<string?>)Library.Value.Type("ILibrary").GetMethod("RenameAsync")!.Invoke(client, ["a", "b"])!;

        Assert.Equal("renamed", await task);
        var type = Library.Value.Type("LibraryDirectClient");
        Assert.True(type.IsNotPublic && type.IsSealed, "internal sealed");
        Assert.Same(type, client.GetType());
        Assert.True(Library.Value.Type("ILibraryOperationSender").IsNotPublic, "the sender interface is internal");
    }

    [Fact]
    public void A_contract_with_another_operation_gets_its_method_and_no_one_way_send_when_it_has_no_one_way_operation()
    {
        // The probe contract's one operation: Probe(value: Thing) returns int.
        var probe = GeneratedAssembly.Build(new ProbeContract().WriteToTempFile());
        var content = probe.Files.Single(f => f.Name == "ProbeDirectClient.g.cs").Content;

        Assert.Contains("""
                public Task<int> ProbeAsync(global::Generated.Library.Thing? value)
                    => sender.SendAsync<int>("Probe", value);
            """, content, StringComparison.Ordinal);
        var sender = probe.Type("IProbeOperationSender");
        Assert.Equal(["SendAsync"], sender.GetMethods().Select(m => m.Name));
        Assert.Equal(["ProbeAsync"], probe.Type("ProbeDirectClient").GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name));
        Assert.Equal(["SendAsync", "SendOneWayAsync"], Library.Value.Type("ILibraryOperationSender").GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    private static (object Sender, object Client) NewClient()
    {
        var senderType = Library.Value.Type("RecordingSender");
        var sender = Activator.CreateInstance(senderType)!;
        return (sender, senderType.GetMethod("DirectClient")!.Invoke(null, [sender])!);
    }

    private static Task Call(object client, string method, params object?[] arguments)
        => (Task)Library.Value.Type("ILibrary").GetMethod(method)!.Invoke(client, arguments)!;

    private static List<(string Operation, bool OneWay, object?[] Inputs)> Sent(object sender)
        => (List<(string Operation, bool OneWay, object?[] Inputs)>)sender.GetType().GetProperty("Sent")!.GetValue(sender)!;
}
