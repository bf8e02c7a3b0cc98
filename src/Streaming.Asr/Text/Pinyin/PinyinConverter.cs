using System.Runtime.InteropServices;
using System.Text;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Converts assembled syllables to Chinese characters with libpinyin: each run of syllables becomes one
/// sentence (libpinyin's best guess); literal pieces pass through. Owns a libpinyin context and instance,
/// whose user dictionary lives in a private temporary folder removed on dispose. Not thread-safe: one
/// converter per thread (see <see cref="PinyinConverterPool"/>).
/// </summary>
public sealed class PinyinConverter : IDisposable
{
    private readonly PinyinConverterOptions _options;
    private readonly DirectoryInfo _userDirectory;
    private readonly HanziReadings? _readings;
    private readonly ToneGuidedChoice? _toneGuided;
    private nint _context;
    private nint _instance;

    private PinyinConverter(PinyinConverterOptions options, DirectoryInfo userDirectory, nint context, nint instance)
    {
        _options = options;
        _userDirectory = userDirectory;
        _context = context;
        _instance = instance;
        _readings = options.ToneGuided && options.Tones != PinyinToneMode.None ? HanziReadings.TryCreate() : null;
        _toneGuided = _readings is null ? null : new ToneGuidedChoice(_readings, options.ToneGuidedTries, options.ToneGuidedMinLength);
    }

    /// <summary>Starts libpinyin; throws <see cref="LibPinyinUnavailableException"/> naming the package when it is missing.</summary>
    public static PinyinConverter Create(PinyinConverterOptions? options = null)
    {
        options ??= new PinyinConverterOptions();
        var data = options.ResolveDataDirectory();
        var user = Directory.CreateTempSubdirectory("streaming-libpinyin-");
        nint context = 0;
        try
        {
            WriteUserTableInfo(data, user.FullName);
            PinyinTableCache.ContextStarting(options.TableCacheMiB);
            context = LibPinyinNative.Init(data, user.FullName);
            if (context == 0)
            {
                throw new LibPinyinUnavailableException($"libpinyin could not load its dictionaries from '{data}' (reinstall libpinyin-data).");
            }

            LibPinyinNative.SetOptions(context, (uint)options.Flags);
            var instance = LibPinyinNative.AllocInstance(context);
            if (instance == 0)
            {
                throw new LibPinyinUnavailableException("libpinyin could not allocate an instance.");
            }

            return new PinyinConverter(options, user, context, instance);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Cleanup(context, user);
            throw new LibPinyinUnavailableException(
                $"libpinyin is not installed ({e.Message}): install the Debian packages libpinyin15 and libpinyin-data (scripts/setup-runtime.sh).", e);
        }
        catch
        {
            Cleanup(context, user);
            throw;
        }
    }

    /// <summary>
    /// Converts pieces to text: syllable runs to characters, literal pieces unchanged, and where the pieces spell
    /// one of <paramref name="phrases"/>, that phrase as written (libpinyin converts the runs either side of it).
    /// </summary>
    /// <param name="pieces">Assembled syllables and literal pieces.</param>
    /// <param name="toneGuided">Let the heard tones choose among phrases, when the options enable it and ICU is present.</param>
    /// <param name="phrases">Phrases to write as given (a session's hotwords); null for none.</param>
    public string Convert(IReadOnlyList<PinyinPiece> pieces, bool toneGuided = true, PinyinPhraseBook? phrases = null)
    {
        var text = new StringBuilder();
        var run = new List<PinyinPiece>();
        for (int i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (phrases is not null && phrases.TryMatch(pieces, i, out var phrase, out int length))
            {
                AppendRun(text, run, toneGuided);
                text.Append(phrase);
                i += length - 1;
                continue;
            }

            if (piece.IsSyllable)
            {
                run.Add(piece);
                continue;
            }

            AppendRun(text, run, toneGuided);
            text.Append(piece.Text);
        }

        AppendRun(text, run, toneGuided);
        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _readings?.Dispose();
        if (_instance != 0)
        {
            LibPinyinNative.FreeInstance(_instance);
            _instance = 0;
        }

        Cleanup(_context, _userDirectory);
        _context = 0;
    }

    // An empty user folder makes libpinyin print "open …/user.conf failed." to stderr without a newline, gluing it to
    // the next line of output; a user.conf that matches the system dictionaries' versions keeps it quiet.
    private static void WriteUserTableInfo(string data, string user)
    {
        var system = Path.Combine(data, "table.conf");
        string[] keys = ["binary format version:", "model data version:", "database format:"];
        var lines = File.Exists(system) ? File.ReadLines(system).Where(l => keys.Any(k => l.StartsWith(k, StringComparison.Ordinal))).ToList() : [];
        if (lines.Count == keys.Length)
        {
            File.WriteAllLines(Path.Combine(user, "user.conf"), [.. lines, "open counter:0"]);
        }
    }

    private static void Cleanup(nint context, DirectoryInfo user)
    {
        if (context != 0)
        {
            LibPinyinNative.Fini(context);
        }

        try
        {
            user.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the caller over it is not.
        }
    }

    // Converts a run; a syllable libpinyin cannot parse is written as its letters and the run continues after it.
    private void AppendRun(StringBuilder text, List<PinyinPiece> run, bool toneGuided)
    {
        ObjectDisposedException.ThrowIf(_instance == 0, this);
        var start = 0;
        while (start < run.Count)
        {
            var input = Spell(run, start, run.Count, out var ends);
            LibPinyinNative.Reset(_instance);
            var parsed = (int)LibPinyinNative.ParseMoreFullPinyins(_instance, input);
            var whole = 0;
            while (whole < ends.Count && ends[whole] <= parsed)
            {
                whole++;
            }

            if (whole > 0)
            {
                if (whole < ends.Count)
                {
                    LibPinyinNative.Reset(_instance);
                    LibPinyinNative.ParseMoreFullPinyins(_instance, Spell(run, start, start + whole, out _));
                }

                if (LibPinyinNative.GuessSentence(_instance) && TryGetSentence(0, out var sentence))
                {
                    if (toneGuided && _toneGuided is not null)
                    {
                        // A syllable's lookup offset is the separator before it (libpinyin rejects the position after a ').
                        var offsets = ends.Take(whole - 1).Prepend(0).ToList();
                        sentence = _toneGuided.Improve(_instance, run.GetRange(start, whole), offsets, sentence,
                            () => TryGetSentence(0, out var s) ? s : null);
                    }

                    text.Append(sentence);
                }
            }

            start += whole;
            if (start < run.Count)
            {
                text.Append(run[start].Text);
                start++;
            }
        }

        run.Clear();
    }

    // libpinyin input for run[from..to): syllables joined by the separator '; ends[i] is where syllable i's spelling ends.
    private string Spell(IReadOnlyList<PinyinPiece> run, int from, int to, out List<int> ends)
    {
        var input = new StringBuilder();
        ends = new List<int>(to - from);
        for (var i = from; i < to; i++)
        {
            if (i > from)
            {
                input.Append('\'');
            }

            var piece = run[i];
            var withTone = _options.Tones switch
            {
                PinyinToneMode.All => true,
                PinyinToneMode.ExceptNeutral => piece.Tone != PinyinPiece.NeutralTone,
                _ => false,
            };
            input.Append(piece.ToLibPinyin(withTone));
            ends.Add(Encoding.UTF8.GetByteCount(input.ToString()));
        }

        return input.ToString();
    }

    private bool TryGetSentence(byte index, out string sentence)
    {
        sentence = string.Empty;
        if (!LibPinyinNative.GetSentence(_instance, index, out var native) || native == 0)
        {
            return false;
        }

        try
        {
            sentence = Marshal.PtrToStringUTF8(native) ?? string.Empty;
            return true;
        }
        finally
        {
            LibPinyinNative.GFree(native);
        }
    }
}
