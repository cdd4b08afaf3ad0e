using System.Globalization;

namespace Contracts.WsdlGenerator;

/// <summary>
/// The contract uses something the generator does not support, or is malformed. The message names the file, the line
/// and the construct, in the canonical "file(line,col): error CODE: text" form that MSBuild shows as a build error.
/// </summary>
public sealed class WsdlGenerationException : Exception
{
    /// <summary>The error code MSBuild shows.</summary>
    public const string ErrorCode = "WSDLGEN";

    public WsdlGenerationException(string file, int line, int column, string problem)
        : base(Format(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file, as given to the generator (repository-relative in builds).</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Format(string file, int line, int column, string problem)
        => line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{file}({line},{Math.Max(column, 1)}): error {ErrorCode}: {problem}")
            : $"{file}: error {ErrorCode}: {problem}";
}
