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
    public static string Of(string command, string inputPath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"notify {command}\n"));
        using var input = File.OpenRead(inputPath);
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
            hash.AppendData(buffer, 0, read);
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
