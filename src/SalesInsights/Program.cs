using SalesInsights.Cli;

return await CliApp.RunAsync(args);
