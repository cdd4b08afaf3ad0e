using Contracts.ContractDiff;

// build/contract-diff runs this; see ContractDiffCommand.Usage.
return ContractDiffCommand.Run(args, Console.Out, Console.Error);
