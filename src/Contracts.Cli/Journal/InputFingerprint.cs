using System.Security.Cryptography;
using System.Text;

namespace Contracts.Cli.Journal;

/// <summary>
/// What a run journal belongs to: the SHA-256 of the command's name and of its input file's bytes, so that
/// <c>--resume</c> refuses a journal written for another file (or the same file since edited, whose item numbers would
/// point at other items) or another command.
/// </summary>
internal static class InputFingerprint
{
    /// <summary>The fingerprint of <paramref name="command"/> over <paramref name="inputPath"/>; of the command alone when its items are on the command line.</summary>
    public static string Of(string command, string? inputPath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"notify {command}\n"));
        if (inputPath is null)
            return Text(hash);
        using var input = File.OpenRead(inputPath);
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
            hash.AppendData(buffer, 0, read);
        return Text(hash);
    }

    private static string Text(IncrementalHash hash) => "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
}
