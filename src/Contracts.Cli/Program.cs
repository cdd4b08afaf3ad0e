using Contracts.Cli;

return await NotifyApp.RunAsync(args).ConfigureAwait(false);
