using Microsoft.Extensions.Logging.Abstractions;
using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Inference;
using Streaming.Inference.Ascend;
using Streaming.Testing;

namespace Streaming.Pipeline.Tests;

/// <summary>Sessions of one engine on the (simulated) NPU: a device fault reaches only the session whose call failed.</summary>
public sealed class DeviceFailureTests
{
    [Fact]
    public async Task A_failing_npu_call_fails_only_the_session_that_made_it_with_the_device_error()
    {
        using var npu = AscendBackend.Create(0, poolSize: 2, NullLogger.Instance);
        using var engine = SpeechEngine.Load(new SpeechEngineOptions { ModelsDirectory = TestPaths.Models, Models = ["moonshine-tiny-en"] }, new VadOptions(), new PipelineOptions(), backend: npu);
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));
        samples = samples[..(4 * rate)];
        var settings = new SessionSettings(new AudioInputFormat(AudioCodec.Pcm16, rate));
        await using var first = engine.Sessions.Create(settings);
        await using var second = engine.Sessions.Create(settings);

        AscendSimulator.InjectExecuteFailures(1);
        var outcomes = await Task.WhenAll(RunAsync(first, samples, rate), RunAsync(second, samples, rate));

        var failed = Assert.Single(outcomes, o => o.Error is not null);
        var error = Assert.IsAssignableFrom<InferenceException>(failed.Error!.GetBaseException());
        Assert.Contains("aclrtSynchronizeStream", error.Message);
        var healthy = Assert.Single(outcomes, o => o.Error is null);
        var finals = healthy.Events.OfType<TranscriptEvent>().Where(e => e.IsFinal).Select(e => e.Text);
        Assert.Contains("fellow", string.Join(" ", finals), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(List<PipelineEvent> Events, Exception? Error)> RunAsync(SessionPipeline pipeline, float[] samples, int rate)
    {
        try
        {
            return (await PipelineHarness.RunAsync(pipeline, samples, rate), null);
        }
        catch (Exception stopped)
        {
            // A failed pipeline stops taking audio; its completion holds the error that stopped it.
            try
            {
                await pipeline.Completion;
            }
            catch (Exception error)
            {
                return ([], error);
            }

            return ([], stopped);
        }
    }
}
