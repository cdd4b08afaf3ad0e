using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Contracts.Core.Validation;

/// <summary>
/// The problems found while checking a request against its contract, collected so that one exception lists them all
/// before anything is sent. The rule methods are what generated checks call, one line per rule the contract states.
/// </summary>
/// <remarks>
/// A message names the field's path, the rule and the contract's keyword, and shows numbers (a count, a length, an
/// integer out of range) but never a text value: texts are where personal data lies (phone numbers, messages) and
/// where a secret would (ENGAGE's token request checks its clientSecret as required and non-empty). The one exception
/// is a list whose contract says its values are not personal (<c>x-item-values-shown</c>). No numeric field
/// of the contracts is a secret today; one that were would need a rule that does not show its value.
/// </remarks>
public sealed class ContractProblems
{
    [ThreadStatic]
    private static ContractProblems? t_reused;

    private List<ContractProblem>? _found;

    /// <summary>How many problems were found.</summary>
    public int Count => _found?.Count ?? 0;

    /// <summary>The problems found, in the order the fields were checked.</summary>
    public IReadOnlyList<ContractProblem> Found => _found ?? (IReadOnlyList<ContractProblem>)[];

    /// <summary>Checks <paramref name="model"/> against its contract and returns what it breaks (empty when nothing).</summary>
    public static ContractProblems Of(IContractChecked model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new ContractProblems();
        model.CheckContract(problems);
        return problems;
    }

    /// <summary>
    /// What <paramref name="model"/> breaks, as one text, or null when nothing: the check of one item of a batch, run
    /// once per item, so it reuses its thread's collection instead of allocating one per item.
    /// </summary>
    public static string? Describe(IContractChecked model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = t_reused ??= new ContractProblems();
        problems._found?.Clear();
        model.CheckContract(problems);
        return problems.Count == 0 ? null : problems.ToString();
    }

    /// <summary>
    /// Checks <paramref name="model"/> against its contract and throws <see cref="InvalidRequest.ThrowIfAny"/>'s
    /// <see cref="ArgumentException"/> naming <paramref name="subject"/> when it breaks it: the send path's check of
    /// every body, run once per call, so it reuses its thread's collection.
    /// </summary>
    public static void ThrowIfBroken(IContractChecked model, string subject)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = t_reused ??= new ContractProblems();
        problems._found?.Clear();
        model.CheckContract(problems);
        problems.ThrowIfAny(subject);
    }

    /// <summary>Throws <see cref="InvalidRequest.ThrowIfAny"/>'s <see cref="ArgumentException"/> listing these problems, if any.</summary>
    public void ThrowIfAny(string subject)
    {
        if (Count > 0)
            InvalidRequest.ThrowIfAny(subject, [.. _found!.Select(p => p.ToString())]);
    }

    /// <summary>Adds a problem of the field at <paramref name="path"/>.</summary>
    public void Add(string path, string problem) => (_found ??= []).Add(new ContractProblem(path, problem));

    /// <summary>The problems, one sentence each, separated by "; ".</summary>
    public override string ToString() => _found is null ? "" : string.Join("; ", _found);

    /// <summary>The contract's <c>required</c>: <paramref name="value"/> must be present.</summary>
    public void Required(string name, object? value)
    {
        if (value is null)
            Add(name, "is required (the contract's required).");
    }

    /// <summary>
    /// The contract's <c>minimum</c> and <c>maximum</c> of an integer; the generator writes a bound the contract does
    /// not state as the type's own limit, which the message leaves out.
    /// </summary>
    public void Range(string name, long? value, long minimum, long maximum)
    {
        if (value is { } number && (number < minimum || number > maximum))
            Add(name, OutOfRange(Text(number), minimum is int.MinValue or long.MinValue ? null : Text(minimum), maximum is int.MaxValue or long.MaxValue ? null : Text(maximum)));
    }

    /// <summary>The contract's <c>minimum</c> and <c>maximum</c> of a number.</summary>
    public void Range(string name, double? value, double minimum, double maximum)
    {
        if (value is { } number && (number < minimum || number > maximum))
            Add(name, OutOfRange(Text(number), minimum > double.MinValue ? Text(minimum) : null, maximum < double.MaxValue ? Text(maximum) : null));
    }

    /// <summary>
    /// The contract's <c>minLength</c> and <c>maxLength</c> of a text, counted as JSON Schema counts them: in characters
    /// (code points), so a character .NET stores as a surrogate pair (an emoji) counts once.
    /// </summary>
    public void Length(string name, string? value, int minimum, int maximum)
    {
        if (value is null)
            return;
        var length = CharacterCount(value);
        if (length < minimum || length > maximum)
            Add(name, Between("character", length, minimum, maximum, "minLength", "maxLength"));
    }

    /// <summary>The code points of <paramref name="value"/>: its length, less one per surrogate pair (a lone surrogate counts as one).</summary>
    private static int CharacterCount(string value)
    {
        var text = value.AsSpan();
        var first = text.IndexOfAnyInRange('\uD800', '\uDBFF');
        if (first < 0)
            return text.Length;
        var count = text.Length;
        for (var i = first; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }
        return count;
    }

    /// <summary>The contract's <c>minItems</c> and <c>maxItems</c> of a list.</summary>
    public void Items<T>(string name, ICollection<T>? items, int minimum, int maximum)
    {
        if (items is not null && (items.Count < minimum || items.Count > maximum))
            Add(name, Between("item", items.Count, minimum, maximum, "minItems", "maxItems"));
    }

    /// <summary>
    /// The contract's E.164 pattern (<c>^\+[1-9][0-9]{1,14}$</c>), which the model template recognises and checks
    /// with <see cref="PhoneNumbers.IsE164"/>: the same rule (a test compares them) at a tenth of a regular
    /// expression's cost, and batches check it once per destination.
    /// </summary>
    public void E164(string name, string? value, string contractPattern)
    {
        if (value is not null && !PhoneNumbers.IsE164(value))
            Add(name, NotMatching(value, contractPattern, showValue: false));
    }

    /// <summary>
    /// <see cref="E164"/> for each text of a list (the contract's item pattern, <c>x-item-pattern</c>). The values are
    /// shown only when the contract says they are not personal (<c>x-item-values-shown</c>: ENGAGE's aNumbers are a
    /// business's calling numbers, and showing the wrong one lets the caller find it among 400).
    /// </summary>
    public void EachE164(string name, IList<string>? items, string contractPattern, bool showValues)
        => EachItem(name, items, PhoneNumbers.IsE164, contractPattern, showValues);

    /// <summary><see cref="Pattern"/> for each text of a list; the values are shown as <see cref="EachE164"/> says.</summary>
    public void EachPattern(string name, IList<string>? items, Regex pattern, string contractPattern, bool showValues)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        EachItem(name, items, pattern.IsMatch, contractPattern, showValues);
    }

    /// <summary>Each text of a list must be present and match; one problem per item that is not.</summary>
    private void EachItem(string name, IList<string>? items, Func<string, bool> matches, string contractPattern, bool showValues)
    {
        if (items is null)
            return;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } value)
                Add($"{name}[{i}]", NullText);
            else if (!matches(value))
                Add($"{name}[{i}]", NotMatching(value, contractPattern, showValues));
        }
    }

    /// <summary>A null item of a list of texts: JSON would carry it as null, which no item pattern admits.</summary>
    private const string NullText = "is null; the contract's items are texts.";

    private static string NotMatching(string value, string contractPattern, bool showValue) => showValue
        ? $"'{value}' does not match the contract's pattern {contractPattern}."
        : $"does not match the contract's pattern {contractPattern} (the value is not shown).";

    /// <summary>The contract's <c>pattern</c>, shown as the contract writes it (the value is not).</summary>
    public void Pattern(string name, string? value, Regex pattern, string contractPattern)
    {
        if (value is not null && !pattern.IsMatch(value))
            Add(name, NotMatching(value, contractPattern, showValue: false));
    }

    /// <summary>Checks a nested model, if it is one the contract constrains.</summary>
    public void Nested(string name, object? model)
    {
        if (model is not IContractChecked checkedModel)
            return;
        var since = Count;
        checkedModel.CheckContract(this);
        Prefix(since, name);
    }

    /// <summary>Checks each model of a list; a missing item is a problem of its own.</summary>
    public void Each<T>(string name, IList<T>? items) where T : class
    {
        // An array or a List<T> is walked as a span: an ENGAGE push checks every destination, and an array's IList<T>
        // indexer is an interface call per item.
        switch (items)
        {
            case null:
                return;
            case T[] array:
                Each(name, new ReadOnlySpan<T>(array)); // read-only: no check against a covariant array
                return;
            case List<T> list:
                Each(name, CollectionsMarshal.AsSpan(list));
                return;
        }
        for (var i = 0; i < items.Count; i++)
            Item(name, i, items[i]);
    }

    /// <summary>Checks each model of a map, its paths named by the keys.</summary>
    public void Each<T>(string name, IDictionary<string, T>? items) where T : class
    {
        if (items is null)
            return;
        foreach (var (key, item) in items)
            Nested($"{name}.{key}", item);
    }

    private void Each<T>(string name, ReadOnlySpan<T> items) where T : class
    {
        for (var i = 0; i < items.Length; i++)
            Item(name, i, items[i]);
    }

    private void Item(string name, int index, object? value)
    {
        var since = Count;
        if (value is IContractChecked item)
            item.CheckContract(this);
        else if (value is null)
            Add("", "is null; the contract's items are objects.");
        if (Count > since)
            Prefix(since, $"{name}[{index}]");
    }

    private void Prefix(int since, string name)
    {
        for (var i = since; i < Count; i++)
        {
            var path = _found![i].Path;
            _found[i] = _found[i] with { Path = path.Length == 0 ? name : path[0] == '[' ? name + path : $"{name}.{path}" };
        }
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Text(double number) => number.ToString(CultureInfo.InvariantCulture);

    private static string OutOfRange(string value, string? minimum, string? maximum) => (minimum, maximum) switch
    {
        (not null, not null) => $"must be between {minimum} and {maximum} (got {value}; the contract's minimum: {minimum}, maximum: {maximum}).",
        (not null, null) => $"must be at least {minimum} (got {value}; the contract's minimum: {minimum}).",
        _ => $"must be at most {maximum} (got {value}; the contract's maximum: {maximum}).",
    };

    private static string Between(string unit, int count, int minimum, int maximum, string minimumWord, string maximumWord) => (minimum > 0, maximum < int.MaxValue) switch
    {
        (true, true) => $"must hold {minimum} to {maximum} {unit}s (got {count}; the contract's {minimumWord}: {minimum}, {maximumWord}: {maximum}).",
        (true, false) => $"must hold at least {minimum} {unit}{(minimum == 1 ? "" : "s")} (got {count}; the contract's {minimumWord}: {minimum}).",
        _ => $"must hold at most {maximum} {unit}{(maximum == 1 ? "" : "s")} (got {count}; the contract's {maximumWord}: {maximum}).",
    };
}
