using System.Net.Http.Headers;
using System.Net.Http.Json;
using Streaming.Jobs.Api;

namespace Streaming.Jobs.Tests;

/// <summary>Builds job requests the way a browser or script would send them.</summary>
public static class Uploads
{
    public static MultipartFormDataContent Form(IEnumerable<(string Name, byte[] Bytes)> files, params (string Field, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }

        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }

        return form;
    }

    public static (string, byte[]) File(string path, string? name = null) => (name ?? Path.GetFileName(path), System.IO.File.ReadAllBytes(path));

    public static async Task<JobView> CreateAsync(HttpClient client, HttpContent content)
    {
        using var response = await client.PostAsync("/api/jobs", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"POST /api/jobs answered {(int)response.StatusCode}: {body}");
        Assert.NotNull(response.Headers.Location);
        return System.Text.Json.JsonSerializer.Deserialize<JobView>(body, JobsJson.Options)!;
    }

    public static JsonContent Json(object body) => JsonContent.Create(body, options: JobsJson.Options);
}
