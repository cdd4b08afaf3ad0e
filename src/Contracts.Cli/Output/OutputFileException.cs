namespace Contracts.Cli.Output;

/// <summary>
/// A file notify writes as a batch runs (<c>--outcomes</c>, <c>--failures</c>) could not be written: the disk is full,
/// the device failed. Names the file, so that a run can say which record is incomplete.
/// </summary>
internal sealed class OutputFileException : IOException
{
    public OutputFileException(string path, IOException inner)
        : base($"{path} could not be written: {inner.Message}", inner)
        => Path = path;

    /// <summary>The file that could not be written.</summary>
    public string Path { get; }
}
