using System.Globalization;

namespace Streaming.Asr.Transducer;

/// <summary>
/// Shape information of a sherpa-onnx streaming Zipformer2 transducer, read from the ONNX custom metadata
/// that icefall's export writes: encoder keys <c>model_type</c> (= <c>zipformer2</c>), <c>T</c>,
/// <c>decode_chunk_len</c>, <c>encoder_dims</c>, <c>query_head_dims</c>, <c>value_head_dims</c>,
/// <c>num_heads</c>, <c>num_encoder_layers</c>, <c>cnn_module_kernels</c>, <c>left_context_len</c>, and
/// decoder key <c>context_size</c> (<c>vocab_size</c> optional). Lists are comma-separated, one entry per
/// encoder stack.
/// </summary>
public sealed record TransducerModelMetadata
{
    /// <summary>The supported encoder <c>model_type</c>.</summary>
    public const string Zipformer2 = "zipformer2";

    private static readonly string[] EncoderKeys =
    [
        "model_type", "T", "decode_chunk_len", "encoder_dims", "query_head_dims", "value_head_dims",
        "num_heads", "num_encoder_layers", "cnn_module_kernels", "left_context_len",
    ];

    /// <summary>Encoder <c>model_type</c>.</summary>
    public required string ModelType { get; init; }

    /// <summary>Feature frames fed to the encoder per call (<c>T</c>, includes right context).</summary>
    public required int ChunkFrames { get; init; }

    /// <summary>Feature frames the window advances per call (<c>decode_chunk_len</c>).</summary>
    public required int ChunkShift { get; init; }

    /// <summary>Model dimension per encoder stack.</summary>
    public required int[] EncoderDims { get; init; }

    /// <summary>Query (and key) dimension per attention head, per stack.</summary>
    public required int[] QueryHeadDims { get; init; }

    /// <summary>Value dimension per attention head, per stack.</summary>
    public required int[] ValueHeadDims { get; init; }

    /// <summary>Attention heads per stack.</summary>
    public required int[] NumHeads { get; init; }

    /// <summary>Layers per stack.</summary>
    public required int[] NumEncoderLayers { get; init; }

    /// <summary>Convolution kernel size per stack.</summary>
    public required int[] CnnModuleKernels { get; init; }

    /// <summary>Cached left-context frames per stack.</summary>
    public required int[] LeftContextLength { get; init; }

    /// <summary>Tokens of history the prediction network sees.</summary>
    public required int ContextSize { get; init; }

    /// <summary>Output vocabulary size when the decoder declares it.</summary>
    public int? VocabularySize { get; init; }

    /// <summary>Parses the metadata maps of the encoder and decoder.</summary>
    /// <exception cref="InvalidDataException">Keys are missing or malformed, or the model is not zipformer2.</exception>
    public static TransducerModelMetadata Parse(IReadOnlyDictionary<string, string> encoder, IReadOnlyDictionary<string, string> decoder)
    {
        var missing = EncoderKeys.Where(k => !encoder.ContainsKey(k)).Select(k => "encoder:" + k).ToList();
        if (!decoder.ContainsKey("context_size"))
        {
            missing.Add("decoder:context_size");
        }

        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"Transducer model metadata is missing {string.Join(", ", missing)}; expected a sherpa-onnx streaming zipformer2 export.");
        }

        if (encoder["model_type"] != Zipformer2)
        {
            throw new InvalidDataException($"Encoder model_type is '{encoder["model_type"]}'; only '{Zipformer2}' streaming models are supported.");
        }

        var metadata = new TransducerModelMetadata
        {
            ModelType = encoder["model_type"],
            ChunkFrames = Integer(encoder, "T"),
            ChunkShift = Integer(encoder, "decode_chunk_len"),
            EncoderDims = Integers(encoder, "encoder_dims"),
            QueryHeadDims = Integers(encoder, "query_head_dims"),
            ValueHeadDims = Integers(encoder, "value_head_dims"),
            NumHeads = Integers(encoder, "num_heads"),
            NumEncoderLayers = Integers(encoder, "num_encoder_layers"),
            CnnModuleKernels = Integers(encoder, "cnn_module_kernels"),
            LeftContextLength = Integers(encoder, "left_context_len"),
            ContextSize = Integer(decoder, "context_size"),
            VocabularySize = decoder.ContainsKey("vocab_size") ? Integer(decoder, "vocab_size") : null,
        };
        int stacks = metadata.EncoderDims.Length;
        int[][] perStack =
        [
            metadata.QueryHeadDims, metadata.ValueHeadDims, metadata.NumHeads, metadata.NumEncoderLayers,
            metadata.CnnModuleKernels, metadata.LeftContextLength,
        ];
        if (perStack.Any(list => list.Length != stacks))
        {
            throw new InvalidDataException($"Transducer metadata lists disagree on the number of encoder stacks ({stacks}).");
        }

        if (metadata.ChunkFrames < metadata.ChunkShift || metadata.ChunkShift < 1 || metadata.ContextSize < 1)
        {
            throw new InvalidDataException("Transducer metadata needs T >= decode_chunk_len >= 1 and context_size >= 1.");
        }

        return metadata;
    }

    private static int Integer(IReadOnlyDictionary<string, string> map, string key) =>
        int.TryParse(map[key].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidDataException($"Transducer metadata '{key}' = '{map[key]}' is not an integer.");

    private static int[] Integers(IReadOnlyDictionary<string, string> map, string key)
    {
        string[] parts = map[key].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new InvalidDataException($"Transducer metadata '{key}' = '{map[key]}' is not a list of integers.");
            }
        }

        return values.Length > 0 ? values : throw new InvalidDataException($"Transducer metadata '{key}' is empty.");
    }
}
