namespace Contracts.Core.Validation;

/// <summary>
/// A generated model that checks the constraints its contract states (required fields, ranges, lengths, item
/// counts, patterns) without reflection, so that trimming and Native AOT keep it whole. The check is generated from
/// the contract by the model template; rules the contract cannot state (one field or another, never both) stay in
/// the vendor's hand-written rules.
/// </summary>
public interface IContractChecked
{
    /// <summary>
    /// Adds to <paramref name="problems"/> every constraint of the contract this model breaks, with paths relative to
    /// the model (nested models and lists are checked too, their paths prefixed with the field's name).
    /// </summary>
    void CheckContract(ContractProblems problems);
}
