using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Streaming.Jobs.Api;

/// <summary>
/// Describes the body of <c>POST /api/jobs</c> in the OpenAPI document. The handler reads the body itself
/// (to stream uploads to disk), so the framework cannot infer it; declaring it with <c>Accepts</c> would
/// also make routing answer other media types with a bare 415 instead of problem+json.
/// </summary>
internal static class JobsOpenApi
{
    public static Task DescribeCreateRequest(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var options = new Dictionary<string, IOpenApiSchema>
        {
            ["language"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "zh, en or auto (default auto: the server's default language)" },
            ["model"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "recogniser by name, one GET /api/models lists for the language (default: the server's model for it)" },
            ["hotwords"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "comma-separated words to favour" },
            ["keywords"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "keywords to spot, comma- or newline-separated (phrase, optional :BOOST and #THRESHOLD)" },
            ["itn"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "add the written form (default true)" },
            ["formats"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "comma-separated txt, json, srt, vtt (default all)" },
            ["url"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "a file under the server's storage root" },
            ["vad.threshold"] = new OpenApiSchema { Type = JsonSchemaType.Number },
            ["vad.minSpeechMs"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["vad.minSilenceMs"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["vad.speechPadMs"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["vad.maxSpeechMs"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
        };
        var multipart = new Dictionary<string, IOpenApiSchema>(options)
        {
            [MultipartUpload.FilesField] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
            },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = multipart } },
                ["application/x-www-form-urlencoded"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = options } },
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "JobRequest: url or urls, language, model, hotwords[], keywords[], itn, vad{threshold, minSpeechMs, minSilenceMs, speechPadMs, maxSpeechMs}, formats[]" } },
            },
        };
        return Task.CompletedTask;
    }
}
