using Streaming.Asr;

namespace Streaming.Pipeline.Models;

/// <summary>One recogniser loaded on one device, shared by every session that uses it.</summary>
/// <param name="Info">Name, languages and kind.</param>
/// <param name="Model">The loaded model.</param>
/// <param name="MemoryBytes">Growth of the process's resident memory while it loaded (native graphs included).</param>
/// <param name="Sessions">Builds session pipelines on this model, with the ITN of its language.</param>
public sealed record LoadedRecognizer(RecognizerInfo Info, IRecognizerModel Model, long MemoryBytes, SessionPipelineFactory Sessions);
