namespace Contracts.Accengage.Tests;

/// <summary>A fresh <see cref="FakeAccengage"/> per test, and a client over it created on first use.</summary>
public abstract class AccengageTestBase : IAsyncLifetime
{
    private FakeAccengage? _accengage;
    private AccengageClient? _client;

    internal FakeAccengage Accengage => _accengage ?? throw new InvalidOperationException("The fake starts in InitializeAsync.");

    /// <summary>A client over the fake with <see cref="ConfigureOptions"/> applied.</summary>
    protected AccengageClient Client => _client ??= new AccengageClient(Accengage.Options(ConfigureOptions));

    /// <summary>Adjusts the options of <see cref="Client"/>.</summary>
    protected virtual void ConfigureOptions(AccengageClientOptions options)
    {
    }

    public virtual async Task InitializeAsync() => _accengage = await FakeAccengage.StartAsync();

    public virtual async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_accengage is not null)
            await _accengage.DisposeAsync();
    }
}
