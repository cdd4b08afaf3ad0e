using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Contracts.Core.Logging;
using Contracts.Core.Telemetry;
using Contracts.Core.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contracts.Core.Batching;

/// <summary>
/// Streams any number of items to a vendor in chunks, a bounded number of requests at a time, and reports every
/// item exactly once as accepted, rejected, unknown (the vendor may have it) or not attempted.
/// </summary>
/// <remarks>
/// <para>Memory stays flat: the input is read lazily, at most <c>MaxConcurrency</c> chunks are in flight and at most
/// twice that many results wait for the reader, so a million items cost what a few chunks cost.</para>
/// <para>Cancelling stops new requests and is passed to the requests on the wire: one cancelled before it was sent is
/// reported not attempted, one cancelled after it left is reported unknown (the vendor may have it); the rest of the
/// input is still read and reported as not attempted. Nothing is ever sent twice.
/// A chunk failure that applies to every request (<see cref="ChunkSendResult.StopBatch"/>) stops the batch the
/// same way. If reading the input itself fails, everything read so far is reported, then that exception is thrown.</para>
/// <para>A <see cref="BatchObserver"/> attached to the caller's flow is told before each request leaves and of each
/// result before it is yielded, and can stop new requests while letting those on the wire finish.</para>
/// <para>If the observer throws (e.g. its journal cannot be written), that is not a failure of the input: no new
/// request starts (the request it was told of is not sent), the requests on the wire finish, every item is still
/// reported exactly once (a result the observer failed to record is yielded with its real outcome; items never sent
/// are not attempted, <see cref="BatchFailureKind.BatchStopped"/>), and once every result has been yielded the
/// observer's first exception is thrown (after an input failure's, which takes precedence).</para>
/// </remarks>
public static class ChunkedBatchRunner
{
    /// <summary>Runs the batch, yielding results as requests complete (not in input order: see <see cref="BatchChunkResult{T}.ChunkIndex"/>).</summary>
    /// <param name="items">The input, read once, lazily.</param>
    /// <param name="options">Chunk size and concurrency.</param>
    /// <param name="validateItem">Returns why an item cannot be sent, or null when it can; invalid items are reported rejected and never sent.</param>
    /// <param name="sendChunk">Sends one chunk and classifies the answer. Exceptions it lets escape are classified here by what the vendor may have done (<see cref="VendorApiException.Delivery"/>): no token means not attempted and stop; the SDK's own refusal to send (<see cref="InvalidRequestException"/>) means rejected with its reason; a request that never left means not attempted; a vendor refusal means rejected (and stop when every request would repeat it: see <see cref="ChunkedBatchOptions.StopsBatch"/>); anything after the request left without a clear answer means unknown.</param>
    /// <param name="logger">Receives chunk events.</param>
    /// <param name="cancellationToken">Stops sending; see the remarks.</param>
    public static IAsyncEnumerable<BatchChunkResult<T>> RunAsync<T>(
        IAsyncEnumerable<T> items,
        ChunkedBatchOptions options,
        Func<T, string?> validateItem,
        Func<IReadOnlyList<T>, CancellationToken, Task<ChunkSendResult>> sendChunk,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return RunAsync(run => run.PumpAsync(items), options, validateItem, sendChunk, logger, cancellationToken);
    }

    /// <summary>
    /// Runs the batch over an input that is read synchronously (a list, a generator, a file read line by line).
    /// Same behaviour as the <see cref="IAsyncEnumerable{T}"/> overload; the input is cut into chunks as it is, rather
    /// than through an asynchronous adapter: wrapping it with <c>ToAsyncEnumerable()</c> cost an async state machine
    /// step per item in the adapter and another in the asynchronous <c>Chunk</c> (12% of the client's CPU per
    /// destination of an ENGAGE push over an in-memory transport), for an input that never waits.
    /// </summary>
    /// <inheritdoc cref="RunAsync{T}(IAsyncEnumerable{T}, ChunkedBatchOptions, Func{T, string}, Func{IReadOnlyList{T}, CancellationToken, Task{ChunkSendResult}}, ILogger, CancellationToken)" path="/param"/>
    public static IAsyncEnumerable<BatchChunkResult<T>> RunAsync<T>(
        IEnumerable<T> items,
        ChunkedBatchOptions options,
        Func<T, string?> validateItem,
        Func<IReadOnlyList<T>, CancellationToken, Task<ChunkSendResult>> sendChunk,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return RunAsync(run => run.PumpAsync(items), options, validateItem, sendChunk, logger, cancellationToken);
    }

    private static async IAsyncEnumerable<BatchChunkResult<T>> RunAsync<T>(
        Func<Run<T>, Task> pump,
        ChunkedBatchOptions options,
        Func<T, string?> validateItem,
        Func<IReadOnlyList<T>, CancellationToken, Task<ChunkSendResult>> sendChunk,
        ILogger? logger,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validateItem);
        ArgumentNullException.ThrowIfNull(sendChunk);
        options.Validate();

        // Started before the pump so that the pump's sends, and their call spans, run under the batch's span.
        using var observation = BatchObservation.Start(options);
        var run = new Run<T>(options, validateItem, sendChunk, logger ?? NullLogger.Instance, cancellationToken);
        var pumping = pump(run);
        try
        {
            await foreach (var result in run.Results.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                observation.Count(result.Outcome, result.Items.Count);
                yield return result;
            }
        }
        finally
        {
            // Reached early only when the reader stops enumerating: abandon in-flight work.
            run.Abandon();
            await pumping.ConfigureAwait(false);
            observation.Finish(run.InputFailure ?? run.ObserverFailure);
            run.Dispose();
        }

        run.ThrowIfInputFailed();
        run.ThrowIfObserverFailed();
    }

    private sealed class Run<T> : IDisposable
    {
        private readonly ChunkedBatchOptions _options;
        private readonly Func<T, string?> _validateItem;
        private readonly Func<IReadOnlyList<T>, CancellationToken, Task<ChunkSendResult>> _sendChunk;
        private readonly ILogger _logger;
        private readonly CancellationToken _cancellation;
        private readonly BatchObserver? _observer = BatchObserver.Current;
        private readonly CancellationToken _stopStarting;
        private readonly CancellationTokenSource _abandon = new();
        private readonly CancellationTokenSource _sendCancellation;
        private readonly CancellationToken _sendToken;
        private readonly Channel<BatchChunkResult<T>> _results;
        private BatchFailure? _stoppedBy;
        private ExceptionDispatchInfo? _inputFailure;
        private ExceptionDispatchInfo? _observerFailure;

        public Run(
            ChunkedBatchOptions options,
            Func<T, string?> validateItem,
            Func<IReadOnlyList<T>, CancellationToken, Task<ChunkSendResult>> sendChunk,
            ILogger logger,
            CancellationToken cancellation)
        {
            _options = options;
            _validateItem = validateItem;
            _sendChunk = sendChunk;
            _logger = logger;
            _cancellation = cancellation;
            _stopStarting = _observer?.StopStarting ?? CancellationToken.None;
            // Requests on the wire stop when the caller cancels or the reader leaves.
            _sendCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _abandon.Token);
            _sendToken = _sendCancellation.Token;
            _results = Channel.CreateBounded<BatchChunkResult<T>>(new BoundedChannelOptions(options.MaxConcurrency * 2)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }

        public ChannelReader<BatchChunkResult<T>> Results => _results.Reader;

        public void Abandon() => _abandon.Cancel();

        public void Dispose()
        {
            _sendCancellation.Dispose();
            _abandon.Dispose();
        }

        public void ThrowIfInputFailed() => _inputFailure?.Throw();

        public Exception? InputFailure => _inputFailure?.SourceException;

        public void ThrowIfObserverFailed() => Volatile.Read(ref _observerFailure)?.Throw();

        public Exception? ObserverFailure => Volatile.Read(ref _observerFailure)?.SourceException;

        public Task PumpAsync(IAsyncEnumerable<T> items)
            => PumpAsync(parallel => Parallel.ForEachAsync(InputChunks.Of(items, _options.ChunkSize), parallel, ProcessAsync));

        public Task PumpAsync(IEnumerable<T> items)
            => PumpAsync(parallel => Parallel.ForEachAsync(InputChunks.Of(items, _options.ChunkSize), parallel, ProcessAsync));

        private async Task PumpAsync(Func<ParallelOptions, Task> forEachChunk)
        {
            // On the thread pool, not on the caller's synchronization context: a caller blocking on a single-threaded
            // one would otherwise wait forever for a pump queued behind itself.
            await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            try
            {
                await forEachChunk(new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = _abandon.Token }).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                // The reader left; nobody is waiting for the rest.
            }
            catch (Exception ex)
            {
                _inputFailure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                _results.Writer.TryComplete();
            }
        }

        private ValueTask ProcessAsync((long Index, T[] Items) chunk, CancellationToken cancellationToken) => ProcessAsync(chunk.Index, chunk.Items);

        private async ValueTask ProcessAsync(long chunkIndex, T[] chunk)
        {
            var sendable = await ReportInvalidItemsAsync(chunkIndex, chunk).ConfigureAwait(false);
            if (sendable.Count == 0)
                return;

            var result = await SendAsync(chunkIndex, sendable).ConfigureAwait(false);
            if (result.Outcome == BatchItemOutcome.Accepted)
                Log.ChunkCompleted(_logger, chunkIndex, sendable.Count, result.Outcome.ToString());
            else if (_logger.IsEnabled(LogLevel.Warning))
                Log.ChunkNotAccepted(_logger, chunkIndex, sendable.Count, result.Outcome.ToString(), result.Failure?.Kind.ToString(), result.Failure?.StatusCode, result.Failure?.ErrorCode, result.Failure?.RequestId ?? result.RequestId);
            await ReportAsync(result).ConfigureAwait(false);
        }

        private ValueTask ReportAsync(BatchChunkResult<T> result)
        {
            if (_observer is { } observer)
            {
                try
                {
                    observer.OnCompleted(result);
                }
                catch (Exception ex)
                {
                    // The result keeps its real outcome: the caller still learns it from the stream.
                    ObserverFailed(ex);
                }
            }
            return _results.Writer.WriteAsync(result, _abandon.Token);
        }

        private async ValueTask<IReadOnlyList<T>> ReportInvalidItemsAsync(long chunkIndex, T[] chunk)
        {
            List<T>? valid = null;
            for (var i = 0; i < chunk.Length; i++)
            {
                var problem = _validateItem(chunk[i]);
                if (problem is null)
                {
                    valid?.Add(chunk[i]);
                    continue;
                }

                // First invalid item: from here on, keep the valid ones aside.
                valid ??= new List<T>(chunk.AsSpan(0, i).ToArray());
                var failure = new BatchFailure(BatchFailureKind.InvalidInput, problem);
                await ReportAsync(new BatchChunkResult<T>(chunkIndex, [chunk[i]], BatchItemOutcome.Rejected, failure, null)).ConfigureAwait(false);
            }
            return valid ?? (IReadOnlyList<T>)chunk;
        }

        private async Task<BatchChunkResult<T>> SendAsync(long chunkIndex, IReadOnlyList<T> items)
        {
            if (_cancellation.IsCancellationRequested || _stopStarting.IsCancellationRequested)
                return new BatchChunkResult<T>(chunkIndex, items, BatchItemOutcome.NotAttempted, BatchFailure.Cancelled, null);
            if (Volatile.Read(ref _stoppedBy) is { } stoppedBy)
                return new BatchChunkResult<T>(chunkIndex, items, BatchItemOutcome.NotAttempted, stoppedBy, null);

            // Write-ahead: whoever records the run learns that these items are leaving before they can reach the vendor.
            if (_observer is { } observer)
            {
                try
                {
                    observer.OnSending(chunkIndex, items);
                }
                catch (Exception ex)
                {
                    // Whoever records the run could not record these items as leaving: they do not leave.
                    ObserverFailed(ex);
                    return new BatchChunkResult<T>(chunkIndex, items, BatchItemOutcome.NotAttempted, Volatile.Read(ref _stoppedBy), null);
                }
            }

            ChunkSendResult sent;
            try
            {
                sent = await _sendChunk(items, _sendToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!_abandon.IsCancellationRequested || _cancellation.IsCancellationRequested)
            {
                sent = Classify(ex, _cancellation, _options.StopsBatch ?? IsPermanent);
            }

            if (sent.StopBatch && sent.Failure is { } reason)
                StopAfter(chunkIndex, reason);
            return new BatchChunkResult<T>(chunkIndex, items, sent.Outcome, sent.Failure, sent.RequestId);
        }

        /// <summary>
        /// What an exception from a sender means for its items and for the rest of the batch. Failures that every
        /// later request would repeat (no token, a refusal <see cref="ChunkedBatchOptions.StopsBatch"/> names) stop the batch; transient ones do not.
        /// </summary>
        private static ChunkSendResult Classify(Exception exception, CancellationToken cancellation, Func<VendorApiException, bool> stopsBatch) => exception switch
        {
            AccessTokenException token => ChunkSendResult.NotAttempted(BatchFailure.FromVendor(token, BatchFailureKind.AuthenticationFailed), stopBatch: true),
            OperationCanceledException when cancellation.IsCancellationRequested && Delivery.Of(exception) == DeliveryState.NotSent => ChunkSendResult.NotAttempted(BatchFailure.Cancelled, stopBatch: false),
            OperationCanceledException when cancellation.IsCancellationRequested => ChunkSendResult.Unknown(new BatchFailure(BatchFailureKind.Cancelled, "The batch was cancelled while this request was on the wire; the vendor may have it.", exception: exception), stopBatch: false),
            // The SDK's own refusal (e.g. the contract check on the send path): nothing left, and resending would repeat it.
            InvalidRequestException invalid => ChunkSendResult.Rejected(new BatchFailure(BatchFailureKind.InvalidInput, invalid.Message, exception: invalid), stopBatch: false),
            VendorApiException { Delivery: DeliveryState.NotSent } notSent => ChunkSendResult.NotAttempted(BatchFailure.FromVendor(notSent, KindOf(notSent)), stopBatch: false),
            VendorApiException { Delivery: DeliveryState.Unknown } unknown => ChunkSendResult.Unknown(BatchFailure.FromVendor(unknown, KindOf(unknown)), stopBatch: false),
            VendorApiException refused => ChunkSendResult.Rejected(BatchFailure.FromVendor(refused), stopBatch: refused is RedirectRefusedException || stopsBatch(refused)),
            _ => ChunkSendResult.Unknown(new BatchFailure(BatchFailureKind.TransportError, $"The request failed ({exception.GetType().Name}); the vendor may have it.", exception: exception), stopBatch: false),
        };

        private static BatchFailureKind KindOf(VendorApiException exception)
            => exception is VendorTransportException or RetryAfterTooLongException ? BatchFailureKind.TransportError : BatchFailureKind.VendorRejected;

        private static bool IsPermanent(VendorApiException refused) => refused.StatusCode is (>= 200 and < 300) or (>= 400 and < 500 and not 408 and not 429);

        // The first failure of the observer is kept for the end; from then on no request starts.
        private void ObserverFailed(Exception exception)
        {
            if (Interlocked.CompareExchange(ref _observerFailure, ExceptionDispatchInfo.Capture(exception), null) is not null)
                return;
            var stopped = new BatchFailure(
                BatchFailureKind.BatchStopped,
                $"Not sent: the batch stopped because its results could not be recorded ({exception.GetType().Name}).",
                exception: exception);
            if (Interlocked.CompareExchange(ref _stoppedBy, stopped, null) is null)
                Log.BatchStoppedUnrecorded(_logger, exception.GetType().Name);
        }

        private void StopAfter(long chunkIndex, BatchFailure reason)
        {
            var stopped = new BatchFailure(
                BatchFailureKind.BatchStopped,
                $"Not sent: the batch stopped after chunk {chunkIndex} failed: {reason.Reason}",
                reason.StatusCode,
                reason.ErrorCode,
                reason.RequestId,
                reason.Exception);
            if (Interlocked.CompareExchange(ref _stoppedBy, stopped, null) is null)
                Log.BatchStopped(_logger, chunkIndex, reason.Reason);
        }
    }
}
