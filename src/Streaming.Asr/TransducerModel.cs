using Microsoft.ML.OnnxRuntime;
using Streaming.Asr.Hotwords;

namespace Streaming.Asr;

/// <summary>
/// A sherpa-onnx streaming Zipformer2 transducer (encoder, decoder and joiner ONNX files plus
/// <c>tokens.txt</c>). The sessions are shared by all streams; each stream holds its own encoder caches.
/// Written against sherpa-onnx's published layout and unit-tested only through its search algorithms:
/// it has not yet been run against a real transducer model here.
/// </summary>
public sealed class TransducerModel : IRecognizerModel
{
    private TransducerModel(string name, InferenceSession encoder, InferenceSession decoder, InferenceSession joiner,
        TransducerModelMetadata metadata, TokenTable tokens, RecognizerOptions options)
    {
        Name = name;
        Encoder = encoder;
        Decoder = decoder;
        Joiner = joiner;
        Metadata = metadata;
        Tokens = tokens;
        Options = options;
        int[] featureShape = encoder.InputMetadata[encoder.InputNames[0]].Dimensions;
        FeatureDimension = featureShape[^1] > 0 ? featureShape[^1] : 80;
        int expected = 1 + ZipformerEncoderState.CountFor(metadata);
        if (encoder.InputNames.Count != expected)
        {
            throw new InvalidDataException(
                $"Transducer encoder has {encoder.InputNames.Count} inputs; the metadata implies {expected} (features + caches).");
        }

        int[] decoderShape = decoder.OutputMetadata[decoder.OutputNames[0]].Dimensions;
        int[] joinerShape = joiner.OutputMetadata[joiner.OutputNames[0]].Dimensions;
        EncoderDimension = joiner.InputMetadata[joiner.InputNames[0]].Dimensions[^1];
        VocabularySize = joinerShape[^1] > 0 ? joinerShape[^1] : metadata.VocabularySize ?? tokens.Count;
        if (EncoderDimension <= 0 || decoderShape[^1] <= 0)
        {
            throw new InvalidDataException("Transducer joiner/decoder must declare fixed feature dimensions.");
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Shapes read from the model metadata.</summary>
    public TransducerModelMetadata Metadata { get; }

    /// <summary>Token id to text mapping.</summary>
    public TokenTable Tokens { get; }

    internal InferenceSession Encoder { get; }

    internal InferenceSession Decoder { get; }

    internal InferenceSession Joiner { get; }

    internal RecognizerOptions Options { get; }

    internal int FeatureDimension { get; }

    internal int EncoderDimension { get; }

    internal int VocabularySize { get; }

    /// <summary>Loads the model files found by <see cref="TransducerModelFiles.TryFind"/>.</summary>
    public static TransducerModel Load(TransducerModelFiles files, RecognizerOptions? options = null)
    {
        options ??= new RecognizerOptions();
        options.Validate();
        var tokens = TokenTable.Load(files.Tokens);
        var sessions = new List<InferenceSession>(3);
        try
        {
            foreach (string path in new[] { files.Encoder, files.Decoder, files.Joiner })
            {
                sessions.Add(OnnxSessionFactory.Open(path, options));
            }

            var metadata = TransducerModelMetadata.Parse(
                sessions[0].ModelMetadata.CustomMetadataMap, sessions[1].ModelMetadata.CustomMetadataMap);
            string name = "transducer:" + Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(files.Encoder)));
            return new TransducerModel(name, sessions[0], sessions[1], sessions[2], metadata, tokens, options);
        }
        catch
        {
            sessions.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <inheritdoc />
    public IRecognitionStream CreateStream() => new TransducerStream(this, null);

    /// <summary>Creates a stream; hotwords are fused into modified beam search through a <see cref="ContextGraph"/>.</summary>
    public IRecognitionStream CreateStream(IReadOnlyList<Hotword> hotwords) => new TransducerStream(
        this, hotwords.Count == 0 ? null : ContextGraph.Build(hotwords, new HotwordTokenizer(Tokens.Pieces()), Options.HotwordBoost));

    /// <inheritdoc />
    public void Dispose()
    {
        Joiner.Dispose();
        Decoder.Dispose();
        Encoder.Dispose();
    }
}
