using Streaming.Inference.Devices;

namespace Streaming.Inference.Tests;

public sealed class DeviceSpecTests
{
    [Theory]
    [InlineData("auto", DeviceKind.Auto, 0)]
    [InlineData("CPU", DeviceKind.Cpu, 0)]
    [InlineData("cuda", DeviceKind.Cuda, 0)]
    [InlineData("cuda:2", DeviceKind.Cuda, 2)]
    [InlineData("npu:1", DeviceKind.Npu, 1)]
    public void Device_names_parse_to_kind_and_index(string text, DeviceKind kind, int index)
    {
        Assert.Equal(new DeviceSpec(kind, index), DeviceSpec.Parse(text));
    }

    [Theory]
    [InlineData("tpu")]
    [InlineData("cuda:x")]
    [InlineData("cpu:1")]
    public void Unknown_devices_are_refused_with_the_accepted_forms(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceSpec.Parse(text));
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public void Options_validation_names_the_bad_setting()
    {
        var options = new InferenceOptions { AscendPoolSize = 0 };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("AscendPoolSize", error.Message);
    }
}
