using Streaming.Asr.Vad;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Vad;

public class SileroVadModelTests
{
    [Fact]
    public void Missing_model_file_is_reported_with_its_path()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new SileroVadModel("/nonexistent/silero.onnx"));
        Assert.Contains("/nonexistent/silero.onnx", ex.Message);
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_rejected_clearly()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not a model");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => new SileroVadModel(path));
            Assert.Contains("not a loadable ONNX model", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Another_onnx_model_is_rejected_as_not_silero()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new SileroVadModel(Path.Combine(TestPaths.Models, "moonshine-tiny-en", "encoder_model.onnx")));
        Assert.Contains("not a Silero VAD", ex.Message);
    }

    [Fact]
    public void Unsupported_rate_and_wrong_window_are_rejected()
    {
        using var model = new SileroVadModel(SileroVadModel.BundledPath(TestPaths.Models));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.CreateStream(44100));
        using var stream = model.CreateStream(16000);
        Assert.Throws<ArgumentException>(() => stream.Score(new float[100]));
    }

    [Fact]
    public void Reset_restores_the_initial_state()
    {
        using var model = new SileroVadModel(SileroVadModel.BundledPath(TestPaths.Models));
        using var stream = model.CreateStream(16000);
        var window = Enumerable.Range(0, 512).Select(i => MathF.Sin(i * 0.3f) * 0.5f).ToArray();
        var first = stream.Score(window);
        stream.Score(window);
        stream.Reset();
        Assert.Equal(first, stream.Score(window));
    }
}
