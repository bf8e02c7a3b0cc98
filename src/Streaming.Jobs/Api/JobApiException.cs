using Microsoft.AspNetCore.Http;

namespace Streaming.Jobs.Api;

/// <summary>A request the jobs API refuses; becomes a problem+json response with this status and detail.</summary>
internal sealed class JobApiException(int statusCode, string title, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;

    public static JobApiException BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Invalid job request", detail);

    public static JobApiException TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, "Upload too large", detail);
}
