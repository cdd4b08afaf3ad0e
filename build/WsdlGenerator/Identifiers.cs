using System.Globalization;
using System.Text;

namespace Contracts.WsdlGenerator;

/// <summary>Turns XML names into C# identifiers: the same name when it already is one, otherwise a close, valid one.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>True when <paramref name="name"/> can be used as written (letters, digits, underscores, no keyword).</summary>
    public static bool IsPlainIdentifier(string name)
        => name.Length > 0 && IsStart(name[0]) && name.All(IsPart) && !Keywords.Contains(name);

    /// <summary>A type, property or enum member name: invalid characters become word breaks, the first letter upper case.</summary>
    public static string ToPascal(string name)
    {
        var text = Sanitize(name, upperFirst: true);
        return Keywords.Contains(text) ? "@" + text : text;
    }

    /// <summary>A parameter name: as written when valid, keywords escaped with @, otherwise sanitized to camelCase.</summary>
    public static string ToParameter(string name)
    {
        if (name.Length > 0 && IsStart(name[0]) && name.All(IsPart))
            return Keywords.Contains(name) ? "@" + name : name;
        var text = Sanitize(name, upperFirst: false);
        return Keywords.Contains(text) ? "@" + text : text;
    }

    /// <summary>The identifier without a leading @ (what reflection, and therefore WCF, sees).</summary>
    public static string Unescaped(string identifier) => identifier.StartsWith('@') ? identifier[1..] : identifier;

    private static string Sanitize(string name, bool upperFirst)
    {
        var text = new StringBuilder(name.Length + 1);
        var breakWord = upperFirst;
        foreach (var c in name)
        {
            if (!IsPart(c))
            {
                breakWord = true;
                continue;
            }
            text.Append(breakWord && text.Length > 0 || (upperFirst && text.Length == 0) ? char.ToUpperInvariant(c) : c);
            breakWord = false;
        }
        if (text.Length == 0 || !IsStart(text[0]))
            text.Insert(0, upperFirst ? "Value" : "value");
        if (!upperFirst)
            text[0] = char.ToLowerInvariant(text[0]);
        return text.ToString();
    }

    private static bool IsStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsPart(char c) => c == '_' || char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
}
