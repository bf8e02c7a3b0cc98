namespace Streaming.Jobs;

/// <summary>
/// The folder uploads are streamed into (<c>DataDirectory/uploads/{jobId}/</c>) and their clean-up once a
/// file or job no longer needs its audio.
/// </summary>
public sealed class JobUploads
{
    /// <summary>Uses <c>uploads/</c> under <paramref name="dataDirectory"/>.</summary>
    public JobUploads(string dataDirectory) => Root = Path.GetFullPath(Path.Combine(dataDirectory, "uploads"));

    /// <summary>The uploads folder.</summary>
    public string Root { get; }

    /// <summary>Creates and returns the folder of a job's uploads.</summary>
    public string CreateJobFolder(string jobId)
    {
        if (!JobIds.IsValid(jobId))
        {
            throw new ArgumentException($"'{jobId}' is not a job id.", nameof(jobId));
        }

        return Directory.CreateDirectory(Path.Combine(Root, jobId)).FullName;
    }

    /// <summary>Deletes a job's uploads, if any (a cancelled or rejected job).</summary>
    public void DeleteJob(string jobId)
    {
        var folder = Path.Combine(Root, jobId);
        if (JobIds.IsValid(jobId) && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Deletes <paramref name="path"/> when it is an upload (files named by a storage url are never touched).</summary>
    public void DeleteIfUploaded(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return;
        }

        File.Delete(full);
        var folder = Path.GetDirectoryName(full)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
