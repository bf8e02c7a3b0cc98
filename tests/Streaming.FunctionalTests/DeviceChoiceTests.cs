using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Streaming.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>
/// A server whose default device is the CPU and which also offers npu:0 (the Ascend path, through the
/// AscendCL simulator here): sessions choose a device and get the same results on either.
/// </summary>
public sealed class DeviceChoiceTests : IAsyncLifetime
{
    private static readonly string Jfk = TestPaths.InRepo("samples", "jfk.wav");
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Inference:Device"] = "cpu",
        ["Inference:SelectableDevices:0"] = "npu:0",
        ["Inference:AscendPoolSize"] = "2",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_device_list_names_the_default_and_the_selectable_devices()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", _server.Tokens.Create("dora"));

        var devices = (await http.GetFromJsonAsync<JsonElement>("/api/devices")).EnumerateArray().ToArray();

        Assert.Equal(["cpu", "npu:0"], devices.Select(d => d.GetProperty("name").GetString()));
        Assert.True(devices[0].GetProperty("default").GetBoolean());
        Assert.False(devices[1].GetProperty("default").GetBoolean());
        Assert.Contains("simulator", devices[1].GetProperty("runtime").GetString());
    }

    [Fact]
    public async Task A_session_on_the_npu_gives_the_same_finals_as_one_on_the_cpu()
    {
        var onCpu = await FinalsAsync(device: null);
        var onNpu = await FinalsAsync(device: "npu:0");

        Assert.Contains("your country", string.Join(" ", onCpu), StringComparison.OrdinalIgnoreCase);
        Assert.True(onCpu.Length >= 2, $"{onCpu.Length} finals");
        Assert.Equal(onCpu, onNpu);

        // Latency and session gauges are broken down by device, so the two can be compared in production.
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        string metrics = await http.GetStringAsync("/metrics");
        foreach (string device in new[] { "cpu", "npu:0" })
        {
            Assert.Matches($@"streaming_final_latency_milliseconds_count\{{[^}}]*device=""{device}""", metrics);
            Assert.Matches($@"streaming_sessions_active\{{[^}}]*device=""{device}""", metrics);
        }
    }

    [Fact]
    public async Task A_session_asking_for_a_device_the_server_lacks_is_refused_with_the_choices()
    {
        await using var client = _server.Client("erin");
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => client.StartSessionAsync(new SessionRequest { Device = "cuda:0" }));

        Assert.Contains("Device 'cuda:0' is not available here; choose one of: cpu, npu:0.", error.Message);
    }

    private async Task<string[]> FinalsAsync(string? device)
    {
        await using var client = _server.Client("frank");
        var log = new EventLog(client);
        await client.ConnectAsync();
        var source = new WavAudioSource(Jfk);
        var sessionId = await client.StartSessionAsync(new SessionRequest { SampleRate = source.SampleRate, Device = device });

        // The admin view shows where the session runs.
        using var admin = _server.AdminHttp();
        var sessions = await admin.GetFromJsonAsync<JsonElement>("/api/admin/sessions");
        var row = sessions.EnumerateArray().Single(s => s.GetProperty("sessionId").GetString() == sessionId);
        Assert.Equal(device ?? "cpu", row.GetProperty("device").GetString());

        await client.SendAudioAsync(sessionId, source.ReadAsync(paced: false));
        Assert.Empty(log.Errors);
        return [.. log.Finals.Select(f => f.Text)];
    }
}
