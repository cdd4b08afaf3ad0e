namespace Contracts.Core.Http;

/// <summary>
/// How a success answer is read as a whole. Fields read in alternative forms say so on the field (the contract's
/// per-field <c>x-lenient</c>); this is the rule for the answer itself, from an operation's whole-answer
/// <c>x-lenient</c>.
/// </summary>
public enum AnswerReading
{
    /// <summary>Only in the form the contract's schema says.</summary>
    Strict = 0,

    /// <summary>
    /// A list answer may also come as one bare object (the contract's <c>object-or-array</c>): it is read as a list
    /// of that one item.
    /// </summary>
    ObjectOrArray = 1,
}
