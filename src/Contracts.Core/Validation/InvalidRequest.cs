namespace Contracts.Core.Validation;

/// <summary>
/// The one form of the <see cref="ArgumentException"/> a client throws when a call breaks its rules before anything
/// is sent: what was refused, then one line per problem, so that a caller fixes them all at once. A batch can break a
/// rule thousands of times, so the message lists the first <see cref="ShownProblems"/> and counts the rest.
/// </summary>
public static class InvalidRequest
{
    /// <summary>How many problems the message lists; the rest are counted in one last line ("and N more").</summary>
    public const int ShownProblems = 10;

    /// <summary>
    /// Throws <see cref="InvalidRequestException"/> (an <see cref="ArgumentException"/>) saying that <paramref name="subject"/> (e.g. "The ENGAGE push") is
    /// invalid and nothing was sent, listing <paramref name="problems"/>; returns when there are none.
    /// </summary>
    public static void ThrowIfAny(string subject, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
            return;
        var lines = problems.Take(ShownProblems).Select(p => "- " + p);
        if (problems.Count > ShownProblems)
            lines = lines.Append($"- and {problems.Count - ShownProblems} more");
        throw new InvalidRequestException($"{subject} is invalid; nothing was sent:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }
}
