using System.Collections.Concurrent;
using System.Diagnostics;

namespace Streaming.LoadTests.Tests;

/// <summary>A process the test started: its output is kept (last lines) and it is killed on dispose.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ChildProcess(Process process) => this.process = process;

    /// <summary>Fires for every line the process writes to stdout or stderr.</summary>
    public event Action<string>? Line;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines it wrote, for failure messages.</summary>
    public string Tail => string.Join('\n', output.TakeLast(40));

    /// <summary>Everything it wrote, up to the last 200 lines (a command's --help fits).</summary>
    public string Output => string.Join('\n', output);

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }

        Line?.Invoke(line);
    }
}
