namespace Streaming.Inference.Devices;

/// <summary>
/// One device's memory and load, as the admin API reports it. Null where the backend cannot know
/// (CUDA memory without a management library).
/// </summary>
/// <param name="Name">Device name (<c>cpu</c>, <c>cuda:0</c>, <c>npu:0</c>).</param>
/// <param name="Kind">Device kind, lower case.</param>
/// <param name="MemoryUsedBytes">Bytes in use: process working set on CPU, device memory in use on NPU.</param>
/// <param name="MemoryTotalBytes">Bytes available to the process or on the device.</param>
/// <param name="Utilisation">Busy fraction (0–1) since the previous status query.</param>
public sealed record DeviceStatus(string Name, string Kind, long? MemoryUsedBytes, long? MemoryTotalBytes, double? Utilisation);
