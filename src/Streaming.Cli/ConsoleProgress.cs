using Spectre.Console;

namespace Streaming.Cli;

/// <summary>
/// A progress bar on stderr for long work, shown only when stderr is a terminal so that piped output and
/// logs stay clean; stdout is left to the command's results.
/// </summary>
internal static class ConsoleProgress
{
    public static void Run(string label, long total, Action<Action<long>> work)
    {
        if (Console.IsErrorRedirected || total <= 0)
        {
            work(_ => { });
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: total);
                work(done =>
                {
                    task.Value = done;
                });
                task.Value = total;
            });
    }

    public static async Task RunAsync(string label, long total, Func<Action<long>, Task> work)
    {
        if (Console.IsErrorRedirected || total <= 0)
        {
            await work(_ => { });
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label, maxValue: total);
                await work(done => task.Value = done);
                task.Value = total;
            });
    }
}
