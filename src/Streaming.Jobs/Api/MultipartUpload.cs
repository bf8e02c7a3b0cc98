using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Streaming.Jobs.Api;

/// <summary>
/// Reads a <c>multipart/form-data</c> job request section by section: each part of field <c>files</c> is
/// copied straight to disk (never held whole in memory) with its size checked as it streams; other fields
/// are small text values.
/// </summary>
internal sealed class MultipartUpload
{
    public const string FilesField = "files";

    private const int MaxFieldChars = 64 * 1024;

    private readonly JobsOptions _options;

    public MultipartUpload(JobsOptions options) => _options = options;

    public List<NewJobFile> Files { get; } = [];

    public Dictionary<string, List<string>> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task ReadAsync(HttpRequest request, string folder, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw JobApiException.BadRequest("The multipart/form-data request has no boundary.");
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                throw JobApiException.BadRequest("Every part of the upload needs a Content-Disposition: form-data header.");
            }

            var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (field != FilesField)
                {
                    throw JobApiException.BadRequest($"Upload files in the field '{FilesField}', not '{field}'.");
                }

                await SaveFileAsync(section, disposition, folder, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var value = await ReadFieldAsync(section, field, cancellationToken).ConfigureAwait(false);
                (Fields.TryGetValue(field, out var values) ? values : Fields[field] = []).Add(value);
            }
        }
    }

    private async Task SaveFileAsync(MultipartSection section, ContentDispositionHeaderValue disposition, string folder, CancellationToken cancellationToken)
    {
        if (Files.Count >= _options.MaxFilesPerJob)
        {
            throw JobApiException.BadRequest($"A job holds at most {_options.MaxFilesPerJob} files.");
        }

        var original = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        var name = SafeName(original, Files.Count);
        var path = Path.Combine(folder, $"{Files.Count:D4}-{name}");
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await section.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > _options.MaxFileBytes)
                {
                    throw JobApiException.TooLarge($"File '{name}' is larger than the limit of {_options.MaxFileBytes} bytes.");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }

        Files.Add(new NewJobFile(name, path));
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, string field, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(section.Body, Encoding.UTF8);
        var buffer = new char[MaxFieldChars + 1];
        var length = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
        return length > MaxFieldChars
            ? throw JobApiException.BadRequest($"Form field '{field}' is longer than {MaxFieldChars} characters.")
            : new string(buffer, 0, length);
    }

    // The client's name without any folder part or characters a file system may reject.
    private static string SafeName(string original, int index)
    {
        var name = Path.GetFileName(original.Replace('\\', '/'));
        name = string.Concat(name.Select(c => char.IsControl(c) || Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)).Trim();
        return name.Length is > 0 and <= 200 && name is not ("." or "..") ? name : $"file{index}";
    }
}
