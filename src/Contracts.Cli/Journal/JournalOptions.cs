using System.CommandLine;

namespace Contracts.Cli.Journal;

/// <summary>The options every batch command takes for its run journal: --outcomes, --resume and --resend-unknown.</summary>
internal sealed class JournalOptions
{
    public Option<FileInfo?> Outcomes { get; } = new("--outcomes")
    {
        Description = "Run journal: record every item's fate in this CSV file as it becomes known, written ahead of the wire (in flight, then accepted, rejected, unknown or not attempted), so that even a killed run leaves a file saying what became of each item.",
    };

    public Option<FileInfo> Resume { get; } = new Option<FileInfo>("--resume")
    {
        Description = "Continue the run whose journal (--outcomes) is this file, with the same command and --file: items accepted or rejected are skipped, the rest sent, and the journal extended. Items whose outcome is unknown are not sent again unless --resend-unknown.",
    }.AcceptExistingOnly();

    public Option<bool> ResendUnknown { get; } = new("--resend-unknown")
    {
        Description = "With --resume: send again the items whose outcome is unknown (the vendor may already have them, so they may arrive twice).",
    };

    /// <summary>Adds the options to <paramref name="command"/>, with the checks that tie them together.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Outcomes);
        command.Options.Add(Resume);
        command.Options.Add(ResendUnknown);
        command.Validators.Add(result =>
        {
            if (result.Gives(ResendUnknown) && !result.Gives(Resume))
                result.AddError("--resend-unknown goes with --resume.");
            if (result.Gives(Outcomes) && result.Gives(Resume)
                && result.GetValue(Outcomes) is { } outcomes && result.GetValue(Resume) is { } resume
                && !string.Equals(outcomes.FullName, resume.FullName, StringComparison.Ordinal))
                result.AddError("--resume continues the journal it is given; give no --outcomes, or the same file.");
        });
    }

    /// <summary>What the command line asked for.</summary>
    public JournalRequest Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var resume = parse.GetValue(Resume)?.FullName;
        return new JournalRequest(resume ?? parse.GetValue(Outcomes)?.FullName, resume is not null, parse.GetValue(ResendUnknown));
    }
}

/// <summary>A command line's journal options.</summary>
/// <param name="Path">The journal to write (with --resume, the one continued); null for none.</param>
/// <param name="Resume">Whether the journal is continued.</param>
/// <param name="ResendUnknown">Whether items of unknown outcome are sent again.</param>
internal sealed record JournalRequest(string? Path, bool Resume, bool ResendUnknown);
