using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Streaming.Inference.OnnxRuntime;

/// <summary>
/// Sends ONNX Runtime's own log, which it would otherwise write to stderr with terminal colour codes, to an
/// <see cref="ILogger"/>: warnings and errors only (its informational output is per-node chatter).
/// The process has one ONNX Runtime environment, so this is set up once, before any session exists.
/// </summary>
internal static class OnnxRuntimeLog
{
    private static readonly DOrtLoggingFunction s_callback = Write; // kept alive: native code holds a pointer to it
    private static ILogger s_logger = NullLogger.Instance;

    /// <summary>Creates the environment with the forwarding logger (once; later calls do nothing).</summary>
    public static void EnsureEnvironment()
    {
        lock (s_callback)
        {
            if (OrtEnv.IsCreated)
            {
                return;
            }

            var options = new EnvironmentCreationOptions
            {
                logId = "onnxruntime",
                logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING,
                loggingFunction = s_callback,
            };
            OrtEnv.CreateInstanceWithOptions(ref options);
        }
    }

    /// <summary>Where the log goes from now on; the first real logger wins (tools without one keep it silent).</summary>
    public static void Attach(ILogger logger)
    {
        if (logger is not NullLogger && s_logger is NullLogger)
        {
            s_logger = logger;
        }
    }

    private static void Write(IntPtr param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        var level = severity switch
        {
            OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE => LogLevel.Trace,
            OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO => LogLevel.Debug,
            OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING => LogLevel.Warning,
            OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR => LogLevel.Error,
            _ => LogLevel.Critical,
        };
        s_logger.Log(level, "ONNX Runtime ({Location}): {Message}", codeLocation, message);
    }
}
