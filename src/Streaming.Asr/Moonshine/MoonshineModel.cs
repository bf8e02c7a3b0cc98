using Streaming.Asr.Hotwords;
using Streaming.Asr.Keywords;
using Streaming.Asr.Text;
using Streaming.Inference;
using Streaming.Inference.OnnxRuntime;

namespace Streaming.Asr.Moonshine;

/// <summary>
/// Moonshine (offline encoder–decoder on raw 16 kHz audio) loaded from <c>encoder_model.onnx</c>,
/// <c>decoder_model_merged.onnx</c> and <c>vocab.txt</c>. The two graphs, loaded on one backend, are shared
/// by all streams: loaded graphs are safe to run concurrently.
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

    private readonly IAcousticModel _encoder;
    private readonly IAcousticModel _decoder;
    private readonly string _encoderInput;

    private readonly RecognizerOptions _options;
    private readonly Lazy<HotwordTokenizer> _tokenizer;

    private MoonshineModel(string name, IAcousticModel encoder, IAcousticModel decoder, SentencePieceVocabulary vocabulary, RecognizerOptions options)
    {
        _options = options;
        _tokenizer = new Lazy<HotwordTokenizer>(() => new HotwordTokenizer(vocabulary.Pieces()));
        Name = name;
        _encoder = encoder;
        _decoder = decoder;
        Vocabulary = vocabulary;
        _encoderInput = encoder.InputNames.Count == 1
            ? encoder.InputNames[0]
            : throw new InvalidDataException($"Moonshine encoder must take one input (audio); it takes {string.Join(", ", encoder.InputNames)}.");
        Layout = MoonshineDecoderLayout.From(decoder);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Token id to text mapping.</summary>
    public SentencePieceVocabulary Vocabulary { get; }

    internal MoonshineDecoderLayout Layout { get; }

    internal IAcousticModel Decoder => _decoder;

    /// <summary>
    /// Loads the model from a directory holding the three Moonshine files, on <paramref name="backend"/>
    /// (the shared CPU backend when null).
    /// </summary>
    public static MoonshineModel Load(string directory, RecognizerOptions? options = null, IAcousticBackend? backend = null)
    {
        options ??= new RecognizerOptions();
        options.Validate();
        backend ??= OnnxRuntimeBackend.SharedCpu;
        var vocabulary = SentencePieceVocabulary.Load(Path.Combine(directory, VocabularyFile));
        var encoder = backend.LoadModel(Path.Combine(directory, EncoderFile));
        try
        {
            var decoder = backend.LoadModel(Path.Combine(directory, DecoderFile));
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
    public IRecognitionStream CreateStream(IReadOnlyList<Hotword> hotwords) => CreateStream(hotwords, []);

    /// <summary>
    /// Creates a stream as <see cref="CreateStream(IReadOnlyList{Hotword})"/> does that also spots
    /// <paramref name="keywords"/> in its text (<see cref="TranscriptKeywordMatcher"/>): on the stable tokens of
    /// partials and on finals. A keyword with its own boost also biases decoding, as a hotword.
    /// </summary>
    /// <exception cref="KeywordException">A keyword has nothing to match or is spelt in tokens.</exception>
    public IRecognitionStream CreateStream(IReadOnlyList<Hotword> hotwords, IReadOnlyList<Keyword> keywords)
    {
        var matcher = new TranscriptKeywordMatcher(keywords);
        hotwords = HotwordList.Merge([.. keywords.Where(k => k.Boost is not null).Select(k => new Hotword(k.Phrase, k.Boost))], hotwords);
        var graph = hotwords.Count == 0 ? null : ContextGraph.Build(hotwords, HotwordTokenizer, _options.HotwordBoost);
        bool beam = graph is not null || _options.DecodingMethod == RecognizerOptions.ModifiedBeamSearch;
        IMoonshineDecoder decoder = beam
            ? new MoonshineBeamDecoder(this, _options.BeamSize, graph)
            : new MoonshineGreedyDecoder(this);
        return new MoonshineStream(this, decoder, matcher);
    }

    /// <summary>Spells hotwords in this model's vocabulary.</summary>
    public HotwordTokenizer HotwordTokenizer => _tokenizer.Value;

    /// <summary>Most tokens worth generating for this much audio.</summary>
    public static int MaxTokensFor(int samples) => Math.Max(1, (int)Math.Ceiling(samples * MaxTokensPerSecond / SampleRate));

    /// <summary>
    /// Runs the encoder over <paramref name="audio"/> (float samples as bytes); the caller disposes the result,
    /// whose first tensor is the hidden states.
    /// </summary>
    internal ModelOutputs Encode(Memory<byte> audio) =>
        _encoder.Run([new NamedTensor(_encoderInput, TensorElementKind.Float32, [1, audio.Length / sizeof(float)], audio)]);

    /// <inheritdoc />
    public void Dispose()
    {
        _decoder.Dispose();
        _encoder.Dispose();
    }
}
