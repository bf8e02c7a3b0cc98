using Streaming.Asr;
using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Pipeline;
using Streaming.Sip.Calls;
using Streaming.Testing;

namespace Streaming.Sip.Tests;

/// <summary>Loads the real VAD and Moonshine models once; starts real ingresses on loopback with free ports.</summary>
public sealed class SipFixture : IDisposable
{
    public SipFixture()
    {
        Vad = new SileroVadModel(SileroVadModel.BundledPath(TestPaths.Models));
        Moonshine = RecognizerModelLoader.Load(Path.Combine(TestPaths.Models, "moonshine-tiny-en"));
        Pipelines = new SessionPipelineFactory(Vad, new VadOptions(), Moonshine, null, new PipelineOptions());
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));
        Assert.Equal(16000, rate);
        // "And so my fellow Americans, ask not": five seconds keep the real-time tests short.
        Speech = samples[..(16000 * 5)];
    }

    public SileroVadModel Vad { get; }

    public IRecognizerModel Moonshine { get; }

    public SessionPipelineFactory Pipelines { get; }

    /// <summary>16 kHz mono speech clip.</summary>
    public float[] Speech { get; }

    public ICallSessionFactory SessionFactory() => new PipelineCallSessionFactory(Pipelines, itn: false, TimeSpan.FromSeconds(20));

    /// <summary>Loopback, free ports, 127.0.0.1 allowed, short timers (T1 100 ms).</summary>
    public static SipIngressOptions LoopbackOptions() => new()
    {
        ListenAddress = "127.0.0.1",
        MediaAddress = "127.0.0.1",
        UdpPort = 0,
        TcpPort = 0,
        AllowedPeers = ["127.0.0.1"],
        T1Ms = 100,
        T2Ms = 400,
        T4Ms = 500,
    };

    public async Task<TestIngress> StartAsync(Action<SipIngressOptions>? configure = null, ICallSessionFactory? factory = null)
    {
        var options = LoopbackOptions();
        configure?.Invoke(options);
        var ingress = new TestIngress(new SipIngress(options, factory ?? SessionFactory()));
        await ingress.Ingress.StartAsync(CancellationToken.None);
        return ingress;
    }

    public void Dispose()
    {
        Moonshine.Dispose();
        Vad.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SipCollection : ICollectionFixture<SipFixture>
{
    public const string Name = "sip";
}
