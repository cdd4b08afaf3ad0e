namespace Contracts.ContractDiff;

/// <summary>The report cannot be made (a contract that does not load, git or redocly failing, a malformed acknowledgement file).</summary>
internal sealed class ContractDiffException(string message) : Exception(message);
