namespace Streaming.Pipeline.Models;

/// <summary>A recogniser the engine serves: its name, the languages it declares and its kind.</summary>
/// <param name="Name">Folder name under <c>models/</c>; what sessions pass as <c>model</c>.</param>
/// <param name="Languages">Languages it serves (<c>en</c>, <c>zh</c>).</param>
/// <param name="Kind"><c>moonshine</c> or <c>transducer</c>.</param>
public sealed record RecognizerInfo(string Name, IReadOnlyList<string> Languages, string Kind)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} ({string.Join("+", Languages)})";
}
