namespace Streaming.Server.Admin;

/// <summary>One row of <c>GET /api/admin/sessions</c>.</summary>
/// <param name="SessionId">Session id.</param>
/// <param name="Owner">Subject of the token that started it.</param>
/// <param name="Language">The language serving it.</param>
/// <param name="Device">Inference device it runs on.</param>
/// <param name="StartedAt">Start time (UTC).</param>
/// <param name="AudioSeconds">Audio received so far.</param>
/// <param name="Subscribers">Connections receiving its events, the owner's included.</param>
/// <param name="Model">The recogniser serving it.</param>
public sealed record SessionSummary(string SessionId, string Owner, string Language, string Device, DateTimeOffset StartedAt, double AudioSeconds, int Subscribers, string Model);
