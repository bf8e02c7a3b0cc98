namespace Streaming.Asr.Hotwords;

/// <summary>
/// Aho-Corasick automaton over the token sequences of hotword phrases, for shallow fusion in beam search.
/// A hypothesis carries a state (an int; <see cref="Root"/> at the start) and adds the bonus of each
/// <see cref="Step"/> to its score. Credit is paid token by token while a phrase is being matched, so a
/// hypothesis on its way into a phrase survives pruning; if the match then fails (or the segment ends,
/// <see cref="Finish"/>), the credit of the unfinished prefix is taken back, so prefixes earn nothing net.
/// A completed phrase keeps its credit (<c>boost × tokens</c>); a phrase found inside another one
/// (through the failure links, e.g. "he" inside "she") earns its own credit too, while tokens shared with a
/// phrase that begins a longer one (e.g. "he" and "hers") are paid once. Immutable and
/// thread-safe once built.
/// </summary>
public sealed class ContextGraph
{
    private readonly List<Dictionary<int, int>> _children = [];
    private readonly List<float> _boost = [];
    private readonly List<int> _phrase = [];
    private readonly string[] _phrases;
    private readonly int[] _fail;
    private readonly int[] _output; // nearest phrase end on the failure chain (excluding the node itself), or -1
    private readonly float[] _reach; // credit paid on arriving at the node
    private readonly float[] _pending; // credit that a failure from this node takes back
    private readonly float[] _outputBonus; // credit of phrases completed inside this node's path
    private readonly int[] _rootTokens;

    private ContextGraph(IReadOnlyList<(string Phrase, int[] Tokens, float Boost)> phrases)
    {
        _phrases = [.. phrases.Select(p => p.Phrase)];
        AddNode(0);
        for (int i = 0; i < phrases.Count; i++)
        {
            Insert(phrases[i].Tokens, phrases[i].Boost, i);
        }

        int count = _children.Count;
        _fail = new int[count];
        _output = new int[count];
        _reach = new float[count];
        _pending = new float[count];
        _outputBonus = new float[count];
        _output[0] = -1;
        _rootTokens = [.. _children[0].Keys];
        LinkBreadthFirst();
    }

    /// <summary>The start state.</summary>
    public int Root => 0;

    /// <summary>Number of phrases (after merging duplicates).</summary>
    public int PhraseCount => _phrases.Length;

    /// <summary>Number of automaton states.</summary>
    public int StateCount => _children.Count;

    /// <summary>Tokens that begin some phrase: from any state these may earn credit.</summary>
    public IReadOnlyList<int> RootTokens => _rootTokens;

    /// <summary>
    /// Builds the graph. Phrases with identical token sequences are merged (the larger boost wins); where
    /// phrases share a prefix the shared tokens get the larger of their boosts.
    /// </summary>
    public static ContextGraph Build(IEnumerable<(string Phrase, int[] Tokens, float Boost)> phrases)
    {
        var unique = new Dictionary<string, (string Phrase, int[] Tokens, float Boost)>(StringComparer.Ordinal);
        foreach (var entry in phrases)
        {
            if (entry.Tokens.Length == 0)
            {
                throw new HotwordException($"Hotword '{entry.Phrase}' has no tokens.");
            }

            if (!float.IsFinite(entry.Boost) || entry.Boost <= 0)
            {
                throw new HotwordException($"Hotword '{entry.Phrase}' has boost {entry.Boost}; it must be positive.");
            }

            string key = string.Join(',', entry.Tokens);
            if (!unique.TryGetValue(key, out var existing) || existing.Boost < entry.Boost)
            {
                unique[key] = entry;
            }
        }

        return new ContextGraph([.. unique.Values]);
    }

    /// <summary>
    /// Spells <paramref name="hotwords"/> and builds the graph, every spelling of a phrase (each reading of its
    /// polyphones) a path to it; <paramref name="defaultBoost"/> applies where a hotword has none, and each token
    /// earns the speller's <see cref="IHotwordSpeller.TokenShare"/> of the boost.
    /// </summary>
    public static ContextGraph Build(IEnumerable<Hotword> hotwords, IHotwordSpeller speller, float defaultBoost) =>
        Build(hotwords.SelectMany(h => speller.Spell(h.Phrase).Select(tokens => (h.Phrase, tokens, (h.Boost ?? defaultBoost) * speller.TokenShare))));

    /// <summary>Consumes <paramref name="token"/> in <paramref name="state"/>; returns the next state and the score change.</summary>
    public int Step(int state, int token, out float bonus)
    {
        int node = state;
        int next;
        while (!_children[node].TryGetValue(token, out next))
        {
            if (node == 0)
            {
                next = 0;
                break;
            }

            node = _fail[node];
        }

        bonus = _reach[next] - _pending[state] + _outputBonus[next];
        return next;
    }

    /// <summary>Score change when the hypothesis ends in <paramref name="state"/>: unfinished credit is taken back.</summary>
    public float Finish(int state) => -_pending[state];

    /// <summary>Score change for any token outside <see cref="RootTokens"/> and <see cref="ContinuationTokens"/>: the pending credit is lost.</summary>
    public float LeaveBonus(int state) => -_pending[state];

    /// <summary>Tokens that continue a partial match from <paramref name="state"/> (children of its failure chain, root excluded).</summary>
    public void ContinuationTokens(int state, ICollection<int> into)
    {
        for (int node = state; node != 0; node = _fail[node])
        {
            foreach (int token in _children[node].Keys)
            {
                into.Add(token);
            }
        }
    }

    /// <summary>Phrases that end at <paramref name="state"/> (the state's own and those inside it), longest first.</summary>
    public IEnumerable<string> Matches(int state)
    {
        if (_phrase[state] >= 0)
        {
            yield return _phrases[_phrase[state]];
        }

        for (int node = _output[state]; node >= 0; node = _output[node])
        {
            yield return _phrases[_phrase[node]];
        }
    }

    private int AddNode(float boost)
    {
        _children.Add([]);
        _boost.Add(boost);
        _phrase.Add(-1);
        return _children.Count - 1;
    }

    private void Insert(int[] tokens, float boost, int phrase)
    {
        int node = 0;
        foreach (int token in tokens)
        {
            if (!_children[node].TryGetValue(token, out int child))
            {
                child = AddNode(boost);
                _children[node].Add(token, child);
            }

            _boost[child] = Math.Max(_boost[child], boost);
            node = child;
        }

        _phrase[node] = phrase;
    }

    private void LinkBreadthFirst()
    {
        var full = new float[_children.Count]; // credit of the whole path from the root
        var queue = new Queue<int>();
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            foreach (var (token, child) in _children[node])
            {
                _fail[child] = node == 0 ? 0 : FailTarget(_fail[node], token);
                int fail = _fail[child];
                _output[child] = _phrase[fail] >= 0 ? fail : _output[fail];
                full[child] = full[node] + _boost[child];
                _reach[child] = _pending[node] + _boost[child];
                _pending[child] = _phrase[child] >= 0 ? 0 : _reach[child];
                for (int o = _output[child]; o >= 0; o = _output[o])
                {
                    _outputBonus[child] += full[o];
                }

                queue.Enqueue(child);
            }
        }
    }

    private int FailTarget(int node, int token)
    {
        while (true)
        {
            if (_children[node].TryGetValue(token, out int next))
            {
                return next;
            }

            if (node == 0)
            {
                return 0;
            }

            node = _fail[node];
        }
    }
}
