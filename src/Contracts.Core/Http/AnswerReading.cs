namespace Contracts.Core.Http;

/// <summary>
/// How a success answer is read as a whole, from the contract's <c>x-lenient</c> on the operation's success answer
/// (fields read in alternative forms say so on the field). Nothing is read leniently unless the contract says so.
/// </summary>
[Flags]
public enum AnswerReading
{
    /// <summary>Only in the form the contract's schema says.</summary>
    Strict = 0,

    /// <summary>
    /// A list answer may also come as one bare object (the contract's <c>object-or-array</c>): it is read as a list
    /// of that one item.
    /// </summary>
    ObjectOrArray = 1,

    /// <summary>An empty body is read as an empty object (the contract's <c>empty-body</c>): the answer's lists are absent.</summary>
    EmptyBody = 2,
}
