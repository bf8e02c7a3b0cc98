using Microsoft.ML.OnnxRuntime;
using Streaming.Asr.Hotwords;

namespace Streaming.Asr;

/// <summary>
/// Moonshine (offline encoder–decoder on raw 16 kHz audio) loaded from <c>encoder_model.onnx</c>,
/// <c>decoder_model_merged.onnx</c> and <c>vocab.txt</c>. The two ONNX sessions are shared by all streams;
/// ONNX Runtime sessions are safe to run concurrently.
/// </summary>
public sealed class MoonshineModel : IRecognizerModel
{
    /// <summary>Encoder file name.</summary>
    public const string EncoderFile = "encoder_model.onnx";

    /// <summary>Merged (with and without KV cache) decoder file name.</summary>
    public const string DecoderFile = "decoder_model_merged.onnx";

    /// <summary>Vocabulary file name.</summary>
    public const string VocabularyFile = "vocab.txt";

    /// <summary>Sample rate the model expects.</summary>
    public const int SampleRate = 16000;

    /// <summary>
    /// Generation bound per second of audio, as in Moonshine's reference: speech rarely exceeds it, and it
    /// stops repetition loops (a known failure of the model on noise) from running away.
    /// </summary>
    public const double MaxTokensPerSecond = 6.5;

    /// <summary>Shorter audio (0.1 s) is not decoded: the encoder's convolutions need at least this much input.</summary>
    public const int MinimumSamples = 1600;

    internal const int BosId = 1;
    internal const int EosId = 2;

    private readonly InferenceSession _encoder;
    private readonly InferenceSession _decoder;
    private readonly string _encoderInput;
    private readonly string _encoderOutput;

    private readonly RecognizerOptions _options;
    private readonly Lazy<HotwordTokenizer> _tokenizer;

    private MoonshineModel(string name, InferenceSession encoder, InferenceSession decoder, SentencePieceVocabulary vocabulary, RecognizerOptions options)
    {
        _options = options;
        _tokenizer = new Lazy<HotwordTokenizer>(() => new HotwordTokenizer(vocabulary.Pieces()));
        Name = name;
        _encoder = encoder;
        _decoder = decoder;
        Vocabulary = vocabulary;
        _encoderInput = encoder.InputNames.Single();
        _encoderOutput = encoder.OutputNames[0];
        Layout = MoonshineDecoderLayout.From(decoder);
        EmptyPast = OrtValue.CreateAllocatedTensorValue(
            OrtAllocator.DefaultInstance, Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float, [1, Layout.Heads, 0, Layout.HeadDimension]);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Token id to text mapping.</summary>
    public SentencePieceVocabulary Vocabulary { get; }

    internal MoonshineDecoderLayout Layout { get; }

    internal InferenceSession Decoder => _decoder;

    /// <summary>Zero-length past cache fed on the first decoder step (read-only, shared by streams).</summary>
    internal OrtValue EmptyPast { get; }

    /// <summary>Loads the model from a directory holding the three Moonshine files.</summary>
    public static MoonshineModel Load(string directory, RecognizerOptions? options = null)
    {
        options ??= new RecognizerOptions();
        options.Validate();
        var vocabulary = SentencePieceVocabulary.Load(Path.Combine(directory, VocabularyFile));
        var encoder = OnnxSessionFactory.Open(Path.Combine(directory, EncoderFile), options);
        try
        {
            var decoder = OnnxSessionFactory.Open(Path.Combine(directory, DecoderFile), options);
            try
            {
                string name = "moonshine:" + Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
                return new MoonshineModel(name, encoder, decoder, vocabulary, options);
            }
            catch
            {
                decoder.Dispose();
                throw;
            }
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public IRecognitionStream CreateStream() => CreateStream([]);

    /// <summary>
    /// Creates a stream; with hotwords, or with <see cref="RecognizerOptions.ModifiedBeamSearch"/> configured,
    /// partials and finals use beam search (hotwords fused through a <see cref="ContextGraph"/>), otherwise greedy search.
    /// </summary>
    public IRecognitionStream CreateStream(IReadOnlyList<Hotword> hotwords)
    {
        var graph = hotwords.Count == 0 ? null : ContextGraph.Build(hotwords, HotwordTokenizer, _options.HotwordBoost);
        bool beam = graph is not null || _options.DecodingMethod == RecognizerOptions.ModifiedBeamSearch;
        IMoonshineDecoder decoder = beam
            ? new MoonshineBeamDecoder(this, _options.BeamSize, graph)
            : new MoonshineGreedyDecoder(this);
        return new MoonshineStream(this, decoder);
    }

    /// <summary>Spells hotwords in this model's vocabulary.</summary>
    public HotwordTokenizer HotwordTokenizer => _tokenizer.Value;

    /// <summary>Most tokens worth generating for this much audio.</summary>
    public static int MaxTokensFor(int samples) => Math.Max(1, (int)Math.Ceiling(samples * MaxTokensPerSecond / SampleRate));

    /// <summary>Runs the encoder; the caller disposes the result, whose first value is the hidden states.</summary>
    internal IDisposableReadOnlyCollection<OrtValue> Encode(Memory<float> audio, RunOptions runOptions)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, audio, [1, audio.Length]);
        return _encoder.Run(runOptions, [_encoderInput], [input], [_encoderOutput]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        EmptyPast.Dispose();
        _decoder.Dispose();
        _encoder.Dispose();
    }
}
