namespace Contracts.ContractDiff.Tests;

/// <summary>Edits a contract's text the way a contract owner would, and fails when the text to edit is not there exactly once (an edit that changes nothing would make a test pass for nothing).</summary>
internal static class TextEdits
{
    public static string Edit(this string text, string find, string replacement)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0, $"the contract does not contain: {find}");
        Assert.True(text.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, $"the contract contains more than once: {find}");
        return string.Concat(text.AsSpan(0, first), replacement, text.AsSpan(first + find.Length));
    }

    /// <summary>Replaces every occurrence (at least one), for renames that touch several places.</summary>
    public static string EditAll(this string text, string find, string replacement)
    {
        Assert.Contains(find, text, StringComparison.Ordinal);
        return text.Replace(find, replacement, StringComparison.Ordinal);
    }
}
