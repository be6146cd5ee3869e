using Tessera.Bench;

return await BenchRunner.RunAsync(args);
