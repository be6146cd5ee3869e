using Tessera.Cli;

return await TesseraCommand.RunAsync(args);
