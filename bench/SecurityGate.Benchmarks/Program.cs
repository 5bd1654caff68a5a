using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/SecurityGate.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
