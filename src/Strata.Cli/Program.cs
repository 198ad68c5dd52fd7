using System.CommandLine;
using Strata.Cli;

var root = new RootCommand("Strata: social security rights of migrant workers across borders, each step citing its legal source.")
{
    EvaluateCommand.Create(),
    KbCommand.Create(),
    CorridorCommand.Create(),
    CorridorsCommand.Create(),
    FloorsCommand.Create(),
    PopulationCommand.Create(),
    SimulateCommand.Create(),
};
try
{
    try
    {
        // Exceptions reach the handlers below (one line, exit 2) instead of System.CommandLine's stack-trace printer.
        return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
    catch (AggregateException e) when (e.InnerExceptions.Count == 1)
    {
        // Parallel runs wrap what a worker threw; the worker's exception is what the user must see.
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        throw;
    }
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.BadInput;
}
catch (Exception e) when (e is OverflowException or ArgumentException)
{
    // Input that passed validation but cannot be evaluated (extreme values): one message, never a stack trace.
    Console.Error.WriteLine($"error: the input cannot be evaluated: {e.Message}");
    return ExitCodes.BadInput;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // A fault in Strata itself, not in the input: one line naming it, and exit code 1 (the run failed), no stack trace.
    Console.Error.WriteLine($"error: internal error ({e.GetType().Name}): {e.Message}");
    return ExitCodes.Failed;
}
