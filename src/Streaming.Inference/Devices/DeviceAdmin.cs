using Microsoft.Extensions.Logging;

namespace Streaming.Inference.Devices;

/// <summary>
/// Administration of the process's backends: per-device memory and utilisation, and giving cached device
/// memory back. Backs <c>GET /api/admin/devices</c> and <c>POST /api/admin/devices/release-cache</c>.
/// </summary>
public sealed class DeviceAdmin : IDisposable
{
    private readonly IReadOnlyList<IAcousticBackend> _backends;
    private readonly ILogger _logger;

    /// <summary>Administers <paramref name="backends"/>, which it disposes with itself.</summary>
    public DeviceAdmin(IReadOnlyList<IAcousticBackend> backends, ILogger logger)
    {
        _backends = backends;
        _logger = logger;
    }

    /// <summary>The backends administered, the default device first.</summary>
    public IReadOnlyList<IAcousticBackend> Backends => _backends;

    /// <summary>Every device's status now.</summary>
    public IReadOnlyList<DeviceStatus> GetDevices() => [.. _backends.Select(b => b.GetStatus())];

    /// <summary>Releases every device's cached memory and returns the statuses afterwards.</summary>
    public IReadOnlyList<DeviceStatus> ReleaseCache()
    {
        foreach (var backend in _backends)
        {
            backend.ReleaseCache();
            _logger.LogInformation("Released cached memory on {Device}", backend.Name);
        }

        return GetDevices();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var backend in _backends)
        {
            backend.Dispose();
        }
    }
}
