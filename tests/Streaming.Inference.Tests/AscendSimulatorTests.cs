using Streaming.Testing;
using System.Runtime.InteropServices;
using Streaming.Inference.Ascend;

namespace Streaming.Inference.Tests;

/// <summary>The simulator refuses AscendCL misuse with the runtime's error codes, so the shim's mistakes would show.</summary>
[Collection(AscendSimulatorCollection.Name)]
public sealed class AscendSimulatorTests : IDisposable
{
    private const int HostToDevice = 1;
    private const int DeviceToHost = 2;

    // Holding a backend keeps AscendCL initialised while the test calls it directly.
    private readonly AscendBackend _backend = AscendBackend.Create(0, 1, new ListLogger());

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void A_stream_used_under_another_context_is_refused()
    {
        Assert.Equal(0, AscendSimulator.aclrtCreateContext(out IntPtr first, 0));
        Assert.Equal(0, AscendSimulator.aclrtCreateStream(out IntPtr stream));
        Assert.Equal(0, AscendSimulator.aclrtCreateContext(out IntPtr second, 0));

        Assert.Equal(107003, AscendSimulator.aclrtSynchronizeStream(stream)); // ACL_ERROR_RT_STREAM_CONTEXT
        Assert.Equal(0, AscendSimulator.aclrtSetCurrentContext(first));
        Assert.Equal(0, AscendSimulator.aclrtSynchronizeStream(stream));

        Assert.Equal(0, AscendSimulator.aclrtDestroyStream(stream));
        Assert.Equal(0, AscendSimulator.aclrtDestroyContext(second));
        Assert.Equal(0, AscendSimulator.aclrtDestroyContext(first));
        Assert.Equal(100000, AscendSimulator.aclrtSetCurrentContext(first)); // destroyed context
    }

    [Fact]
    public void Device_memory_checks_copy_kinds_and_double_frees()
    {
        Assert.Equal(0, AscendSimulator.aclrtCreateContext(out IntPtr context, 0));
        Assert.Equal(0, AscendSimulator.aclrtMalloc(out IntPtr device, 64, 0));
        IntPtr host = Marshal.AllocHGlobal(64);
        try
        {
            Assert.Equal(0, AscendSimulator.aclrtMemcpy(device, 64, host, 64, HostToDevice));
            Assert.Equal(100000, AscendSimulator.aclrtMemcpy(device, 64, host, 64, DeviceToHost)); // kind does not match
            Assert.Equal(100000, AscendSimulator.aclrtMemcpy(device, 32, host, 64, HostToDevice)); // count above destMax
            Assert.Equal(0, AscendSimulator.aclrtFree(device));
            Assert.Equal(100000, AscendSimulator.aclrtMemcpy(device, 64, host, 64, HostToDevice)); // freed buffer
            Assert.Equal(107000, AscendSimulator.aclrtFree(device)); // double free
        }
        finally
        {
            Marshal.FreeHGlobal(host);
            AscendSimulator.aclrtDestroyContext(context);
        }
    }
}
