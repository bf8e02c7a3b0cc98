using System.Buffers.Binary;
using System.Text;

namespace Streaming.Asr.Tests;

/// <summary>Minimal reader for mono PCM16 RIFF/WAVE files (test-only; the product reader lives in Streaming.Audio).</summary>
internal sealed record Pcm16Wav(int SampleRate, float[] Samples)
{
    public double Seconds => (double)Samples.Length / SampleRate;

    public static Pcm16Wav Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"{path} is not RIFF/WAVE.");
        }

        int sampleRate = 0;
        int position = 12;
        while (position + 8 <= bytes.Length)
        {
            string id = Encoding.ASCII.GetString(bytes, position, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position + 4));
            var body = bytes.AsSpan(position + 8, Math.Min(size, bytes.Length - position - 8));
            if (id == "fmt ")
            {
                short format = BinaryPrimitives.ReadInt16LittleEndian(body);
                short channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                short bits = BinaryPrimitives.ReadInt16LittleEndian(body[14..]);
                if (format != 1 || channels != 1 || bits != 16)
                {
                    throw new InvalidDataException($"{path}: only mono PCM16 is supported (format {format}, {channels} ch, {bits} bit).");
                }

                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
            }
            else if (id == "data")
            {
                var samples = new float[body.Length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(2 * i)..]) / 32768f;
                }

                return sampleRate > 0 ? new Pcm16Wav(sampleRate, samples) : throw new InvalidDataException($"{path}: data before fmt.");
            }

            position += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk.");
    }
}
