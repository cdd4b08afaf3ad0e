using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Contracts.Pacts.Native;

namespace Contracts.Pacts;

/// <summary>
/// Collects HTTP interactions, then verifies them once: <see cref="VerifyAsync"/> starts the engine's mock server
/// on 127.0.0.1, runs the consumer against it, fails with every mismatch spelled out, and on success writes the
/// interactions to the pair's Pact file.
/// </summary>
/// <remarks>
/// Each builder owns one engine handle and, while verifying, one mock server: builders of the same or different
/// pairs can run in parallel. A builder is not itself thread-safe. Disposing it frees the handle; disposing twice,
/// or after <see cref="VerifyAsync"/> (which frees it already), does nothing.
/// </remarks>
public sealed class PactBuilder : IDisposable
{
    private const int LogLinesInMessage = 60;

    private readonly PactV4 _pact;
    private readonly ushort _handle;
    private readonly List<Interaction> _interactions = [];
    private int _state; // 0 building, 1 verifying or verified, 2 disposed
    private int _handleFreed;

    internal PactBuilder(PactV4 pact)
    {
        PactEngine.EnsureLoaded();
        _pact = pact;
        _handle = PactFfi.NewPact(pact.Consumer, pact.Provider);
        if (!PactFfi.WithSpecification(_handle, PactFfi.PactSpecification.V4))
            throw new PactException($"The Pact engine refused the V4 specification for {Pair}.");
        JsonOptions = pact.Config.DefaultJsonSettings ?? JsonSerializerOptions.Default;
    }

    internal JsonSerializerOptions JsonOptions { get; }

    private string Pair => $"{_pact.Consumer} -> {_pact.Provider}";

    /// <summary>Starts an interaction; its description names it in the Pact file and must be unique in this builder.</summary>
    public RequestBuilder UponReceiving(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ThrowIfSealed();
        if (_interactions.Any(i => i.Description == description))
            throw new ArgumentException($"This builder already has an interaction '{description}'.", nameof(description));
        var handle = PactFfi.NewInteraction(_handle, description);
        if (handle == 0)
            throw new PactException($"The Pact engine refused the interaction '{description}' for {Pair}.");
        var interaction = new Interaction(this, handle, description);
        _interactions.Add(interaction);
        return new RequestBuilder(interaction);
    }

    /// <summary>Runs <paramref name="interact"/> against the mock server; see <see cref="VerifyAsync"/>.</summary>
    public void Verify(Action<ConsumerContext> interact)
    {
        ArgumentNullException.ThrowIfNull(interact);
        VerifyAsync(ctx =>
        {
            interact(ctx);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Starts the mock server, runs <paramref name="interact"/> (point the client at <see cref="ConsumerContext.MockServerUri"/>),
    /// then checks that every interaction was received exactly as described and nothing else was. On success the
    /// interactions are written to <c>{PactDir}/{consumer}-{provider}.json</c>.
    /// </summary>
    /// <exception cref="PactVerificationException">A request differed, was missing or was unexpected; the consumer's own exception, if any, is the inner one.</exception>
    public async Task VerifyAsync(Func<ConsumerContext, Task> interact)
    {
        ArgumentNullException.ThrowIfNull(interact);
        ThrowIfSealed();
        if (_interactions.Count == 0)
            throw new InvalidOperationException($"Nothing to verify for {Pair}: add an interaction with UponReceiving first.");
        var incomplete = _interactions.FirstOrDefault(i => !i.HasRequest);
        if (incomplete is not null)
            throw new InvalidOperationException($"Interaction '{incomplete.Description}' has no request: call WithRequest.");
        _state = 1;

        try
        {
            var outcome = await RunAgainstMockServerAsync(interact).ConfigureAwait(false);
            if (outcome.Problems.Count > 0)
            {
                var failure = VerificationFailure(outcome);
                _pact.Config.Output?.Invoke(failure.Message);
                throw failure;
            }
            outcome.ConsumerFailure?.Throw();
            PactFileWriter.Write(_handle, _pact.Config.PactDir ?? RepositoryLayout.PactsDirectory);
        }
        finally
        {
            FreeHandle();
        }
    }

    /// <summary>Frees the engine handle. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
            return;
        FreeHandle();
    }

    internal void ThrowIfSealed()
    {
        switch (Volatile.Read(ref _state))
        {
            case 1:
                throw new InvalidOperationException($"This builder for {Pair} has been verified; create another with WithHttpInteractions().");
            case 2:
                throw new ObjectDisposedException(nameof(PactBuilder));
        }
    }

    private async Task<MockServerOutcome> RunAgainstMockServerAsync(Func<ConsumerContext, Task> interact)
    {
        var port = PactFfi.CreateMockServerForTransport(_handle, "127.0.0.1", 0, "http", null);
        if (port <= 0)
            throw new PactException($"The Pact engine could not start a mock server for {Pair} ({MockServerError(port)}).");
        try
        {
            ExceptionDispatchInfo? consumerFailure = null;
            try
            {
                await interact(new ConsumerContext(new Uri($"http://127.0.0.1:{port}/"))).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The consumer's failure is reported with the mismatches that usually explain it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                consumerFailure = ExceptionDispatchInfo.Capture(e);
            }

            // Both strings belong to the mock server: read them before it is cleaned up, never free them.
            var mismatches = PactFfi.ReadBorrowed(PactFfi.MockServerMismatches(port)) ?? "[]";
            var log = PactFfi.ReadBorrowed(PactFfi.MockServerLogs(port)) ?? "";
            var problems = MismatchReport.Describe(mismatches);
            if (problems.Count == 0 && !PactFfi.MockServerMatched(port))
                problems = ["The mock server reports that not every interaction was matched, without saying which."];
            return new MockServerOutcome(problems, mismatches, log, consumerFailure);
        }
        finally
        {
            PactFfi.CleanupMockServer(port);
        }
    }

    private PactVerificationException VerificationFailure(MockServerOutcome outcome)
    {
        var message = new StringBuilder()
            .Append("Pact verification failed for ").Append(Pair).Append(": ")
            .Append(outcome.Problems.Count).AppendLine(outcome.Problems.Count == 1 ? " problem." : " problems.");
        for (var i = 0; i < outcome.Problems.Count; i++)
            message.Append(i + 1).Append(". ").AppendLine(outcome.Problems[i]);
        if (outcome.ConsumerFailure is { } consumer)
            message.Append("The consumer also failed: ").Append(consumer.SourceException.GetType().Name).Append(": ").AppendLine(consumer.SourceException.Message);

        var logLines = outcome.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        message.AppendLine()
            .Append("Mock server log (").Append(logLines.Length <= LogLinesInMessage ? "all" : $"last {LogLinesInMessage} of {logLines.Length}")
            .AppendLine(" lines; the whole log is in MockServerLog):");
        foreach (var line in logLines.TakeLast(LogLinesInMessage))
            message.AppendLine(line);
        return new PactVerificationException(message.ToString().TrimEnd(), outcome.Mismatches, outcome.Log, outcome.ConsumerFailure?.SourceException);
    }

    private void FreeHandle()
    {
        if (Interlocked.Exchange(ref _handleFreed, 1) == 0)
            _ = PactFfi.FreePactHandle(_handle);
    }

    private static string MockServerError(int code) => code switch
    {
        -1 => "invalid pact handle",
        -2 => "invalid transport configuration",
        -3 => "the mock server could not start",
        -4 => "the engine panicked",
        -5 => "invalid address",
        _ => $"error {code}",
    };

    private sealed record MockServerOutcome(IReadOnlyList<string> Problems, string Mismatches, string Log, ExceptionDispatchInfo? ConsumerFailure);
}
