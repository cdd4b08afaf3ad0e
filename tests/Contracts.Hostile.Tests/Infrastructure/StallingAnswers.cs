namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// Answers that start and never finish, shared by every vendor's tests: headers then silence (with a declared length
/// or chunked), a body trickling one byte every 100 ms, and an endless body.
/// </summary>
internal static class StallingAnswers
{
    private static readonly byte[] Space = " "u8.ToArray();

    /// <summary>The kinds, as theory data.</summary>
    public static TheoryData<string> Kinds => ["headers then silence (length)", "headers then silence (chunked)", "trickle", "endless"];

    /// <summary>The script that answers with <paramref name="kind"/>.</summary>
    public static Func<HostileRequest, HostileExchange, Task> For(string kind) => kind switch
    {
        "headers then silence (length)" => (_, exchange) => exchange.SendHeadersThenSilenceAsync(200, 1000),
        "headers then silence (chunked)" => (_, exchange) => exchange.SendHeadersThenSilenceAsync(200, null),
        "trickle" => (_, exchange) => exchange.TrickleAsync(200, Space, TimeSpan.FromMilliseconds(100)),
        "endless" => (_, exchange) => exchange.EndlessBodyAsync(200),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
