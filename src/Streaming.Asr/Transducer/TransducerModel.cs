using Streaming.Asr.Features;
using System.Runtime.CompilerServices;
using Streaming.Asr.Hotwords;
using Streaming.Asr.Keywords;
using Streaming.Asr.Text;
using Streaming.Asr.Text.Pinyin;
using Streaming.Inference;
using Streaming.Inference.OnnxRuntime;

namespace Streaming.Asr.Transducer;

/// <summary>
/// A sherpa-onnx streaming Zipformer2 transducer (encoder, decoder and joiner ONNX files plus
/// <c>tokens.txt</c>). The sessions are shared by all streams; each stream holds its own encoder caches.
/// Written against sherpa-onnx's published layout and unit-tested only through its search algorithms:
/// it has not yet been run against a real transducer model here.
/// </summary>
public sealed class TransducerModel : IRecognizerModel
{
    private readonly Lazy<IHotwordSpeller> _hotwordSpeller;

    private TransducerModel(string name, IAcousticModel encoder, IAcousticModel decoder, IAcousticModel joiner,
        TransducerModelMetadata metadata, TokenTable tokens, ITextAssembler textAssembler, RecognizerOptions options)
    {
        Name = name;
        Encoder = encoder;
        Decoder = decoder;
        Joiner = joiner;
        Metadata = metadata;
        Tokens = tokens;
        TextAssembler = textAssembler;
        Options = options;
        _keywordTokenizer = new Lazy<KeywordTokenizer>(() => new KeywordTokenizer(tokens));
        _hotwordSpeller = new(() => textAssembler is PinyinTextAssembler
            ? new PinyinHotwordSpeller(new PinyinSpeller(UnihanReadings.Shared, tokens.Pieces().Select(p => p.Key)), tokens)
            : new HotwordTokenizer(tokens.Pieces()));
        long[] featureShape = encoder.InputShapes[0];
        FeatureDimension = featureShape[^1] > 0 ? (int)featureShape[^1] : 80;
        Features = new FbankOptions { MelBins = FeatureDimension };
        int expected = 1 + ZipformerEncoderState.CountFor(metadata);
        if (encoder.InputNames.Count != expected || encoder.OutputNames.Count != expected)
        {
            throw new InvalidDataException(
                $"Transducer encoder has {encoder.InputNames.Count} inputs and {encoder.OutputNames.Count} outputs; the metadata implies {expected} of each (features/encoder_out + caches).");
        }

        if (decoder.OutputNames.Count != 1 || joiner.InputNames.Count != 2 || joiner.OutputNames.Count != 1)
        {
            throw new InvalidDataException("Transducer decoder must have one output and the joiner two inputs and one output.");
        }

        long joinerVocabulary = joiner.OutputShapes[0][^1];
        EncoderDimension = (int)joiner.InputShapes[0][^1];
        DecoderDimension = (int)decoder.OutputShapes[0][^1];
        VocabularySize = joinerVocabulary > 0 ? (int)joinerVocabulary : metadata.VocabularySize ?? tokens.Count;
        if (EncoderDimension <= 0 || DecoderDimension <= 0)
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

    /// <summary>Turns decoded tokens into text: pinyin to Chinese characters for pinyin vocabularies, pieces joined otherwise.</summary>
    public ITextAssembler TextAssembler { get; }

    /// <summary>
    /// Silence a stream appends when its segment finishes: one encoder window (<c>T</c> feature frames), so
    /// the window holding the last speech frames completes and runs. The parity tests give sherpa-onnx the
    /// same padding.
    /// </summary>
    public int TailPaddingSamples => Metadata.ChunkFrames * Features.FrameShift;

    private readonly ConditionalWeakTable<IReadOnlyList<Keyword>, KeywordGraph> _keywordGraphs = new();
    private readonly Lazy<KeywordTokenizer> _keywordTokenizer;

    internal IAcousticModel Encoder { get; }

    internal IAcousticModel Decoder { get; }

    internal IAcousticModel Joiner { get; }

    internal RecognizerOptions Options { get; }

    internal int FeatureDimension { get; }

    /// <summary>The features the encoder was trained on (sherpa-onnx's defaults for icefall models).</summary>
    internal FbankOptions Features { get; }

    internal int EncoderDimension { get; }

    internal int DecoderDimension { get; }

    internal int VocabularySize { get; }

    /// <summary>Loads the model files found by <see cref="TransducerModelFiles.TryFind"/>.</summary>
    public static TransducerModel Load(TransducerModelFiles files, RecognizerOptions? options = null, IAcousticBackend? backend = null)
    {
        options ??= new RecognizerOptions();
        options.Validate();
        backend ??= OnnxRuntimeBackend.SharedCpu;
        var tokens = TokenTable.Load(files.Tokens);
        var sessions = new List<IAcousticModel>(3);
        ITextAssembler? text = null;
        try
        {
            // Started first: a missing libpinyin is a load error naming the package, not an empty transcript later.
            text = PinyinTextAssembler.IsPinyinVocabulary(tokens) ? new PinyinTextAssembler(options.Pinyin) : PieceTextAssembler.Instance;
            foreach (string path in new[] { files.Encoder, files.Decoder, files.Joiner })
            {
                sessions.Add(backend.LoadModel(path));
            }

            var metadata = TransducerModelMetadata.Parse(sessions[0].Metadata, sessions[1].Metadata);
            string name = "transducer:" + Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(files.Encoder)));
            return new TransducerModel(name, sessions[0], sessions[1], sessions[2], metadata, tokens, text, options);
        }
        catch
        {
            sessions.ForEach(s => s.Dispose());
            (text as IDisposable)?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public IRecognitionStream CreateStream() => new TransducerStream(this, null);

    /// <summary>
    /// Creates a stream; hotwords are fused into modified beam search through a <see cref="ContextGraph"/> (for a
    /// pinyin vocabulary every reading of a phrase is a path), and a pinyin model's converter is given the same
    /// phrases so they are written as given.
    /// </summary>
    public IRecognitionStream CreateStream(IReadOnlyList<Hotword> hotwords) => CreateStream(hotwords, []);

    /// <summary>
    /// Creates a stream biased towards <paramref name="hotwords"/> (as <see cref="CreateStream(IReadOnlyList{Hotword})"/>)
    /// that also spots <paramref name="keywords"/> with a <see cref="TransducerKeywordSpotter"/> on the same encoder
    /// output. The graph of a keyword list is built once per list instance, so sessions sharing the global list share
    /// its graph.
    /// </summary>
    /// <exception cref="KeywordException">A keyword cannot be spelt in the model's tokens.</exception>
    public IRecognitionStream CreateStream(IReadOnlyList<Hotword> hotwords, IReadOnlyList<Keyword> keywords)
    {
        var keywordGraph = keywords.Count == 0 ? null : _keywordGraphs.GetValue(keywords, BuildKeywordGraph);
        if (hotwords.Count == 0)
        {
            return new TransducerStream(this, null, keywordGraph);
        }

        var speller = HotwordSpeller;
        var graph = ContextGraph.Build(hotwords, speller, Options.HotwordBoost);
        var text = (speller, TextAssembler) is (PinyinHotwordSpeller pinyin, PinyinTextAssembler assembler)
            ? assembler.WithPhrases(pinyin.PhraseBook(hotwords))
            : null;
        return new TransducerStream(this, graph, keywordGraph, text);
    }

    private KeywordGraph BuildKeywordGraph(IReadOnlyList<Keyword> keywords) =>
        KeywordGraph.Build(keywords.Select(k => (k, _keywordTokenizer.Value.Spell(k))), Options.KeywordBoost, Options.KeywordThreshold);
    private IHotwordSpeller HotwordSpeller
    {
        get
        {
            try
            {
                return _hotwordSpeller.Value;
            }
            catch (FileNotFoundException e)
            {
                // Without Unihan's readings Chinese cannot be spelt: refuse the hotwords, not the whole server.
                throw new HotwordException($"Model {Name} cannot spell hotwords on this server: {e.Message}");
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Joiner.Dispose();
        Decoder.Dispose();
        Encoder.Dispose();
        (TextAssembler as IDisposable)?.Dispose();
    }
}
