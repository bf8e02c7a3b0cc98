namespace Streaming.Asr.Keywords;

/// <summary>
/// Aho-Corasick automaton over the token spellings of keywords, the graph a keyword-constrained transducer search
/// walks (sherpa-onnx's keyword <c>ContextGraph</c>): stepping along a spelling pays each token's boost, leaving it
/// takes back what the unfinished prefix earned and falls back along the failure links, and a state that is (or
/// whose failure chain holds) the end of a spelling matches that spelling's keyword. Each end remembers its
/// keyword's trigger threshold and its depth (how many tokens the keyword spans). A keyword may have several
/// spellings (the readings of its polyphones); all end in the same keyword. Immutable and thread-safe once built.
/// </summary>
public sealed class KeywordGraph
{
    private const int NoKeyword = -1;
    private readonly Dictionary<long, int> _edges = [];
    private readonly List<int> _token = [];
    private readonly List<float> _tokenScore = [];
    private readonly List<float> _nodeScore = [];
    private readonly List<float> _outputScore = [];
    private readonly List<int> _depth = [];
    private readonly List<float> _threshold = [];
    private readonly List<int> _keyword = [];
    private readonly List<int> _firstChild = [];
    private readonly List<int> _nextSibling = [];
    private readonly int[] _fail;
    private readonly int[] _output; // nearest keyword end on the failure chain (excluding the node), or -1
    private readonly Keyword[] _keywords;

    private KeywordGraph(IReadOnlyList<(Keyword Keyword, IReadOnlyList<int[]> Spellings)> entries, float defaultBoost, float defaultThreshold)
    {
        _keywords = [.. entries.Select(e => e.Keyword)];
        AddNode(-1, 0, 0);
        for (int k = 0; k < entries.Count; k++)
        {
            var (keyword, spellings) = entries[k];
            foreach (int[] spelling in spellings)
            {
                Insert(spelling, keyword.Boost ?? defaultBoost, keyword.Threshold ?? defaultThreshold, k);
            }
        }

        _fail = new int[_token.Count];
        _output = new int[_token.Count];
        _output[0] = -1;
        LinkBreadthFirst();
    }

    /// <summary>The start state.</summary>
    public int Root => 0;

    /// <summary>Number of automaton states.</summary>
    public int StateCount => _token.Count;

    /// <summary>The keywords, in the order given.</summary>
    public IReadOnlyList<Keyword> Keywords => _keywords;

    /// <summary>
    /// Builds the graph from keywords and their spellings in token ids. Where spellings share a prefix the shared
    /// tokens take the larger boost; a spelling repeated later takes over the end's keyword and threshold.
    /// </summary>
    /// <exception cref="KeywordException">A spelling is empty, or a boost or threshold is out of range.</exception>
    public static KeywordGraph Build(IEnumerable<(Keyword Keyword, IReadOnlyList<int[]> Spellings)> keywords, float defaultBoost, float defaultThreshold)
    {
        var entries = keywords.ToList();
        foreach (var (keyword, spellings) in entries)
        {
            if (spellings.Count == 0 || spellings.Any(s => s.Length == 0))
            {
                throw new KeywordException($"Keyword '{keyword.Phrase}' has an empty spelling.");
            }
        }

        if (!float.IsFinite(defaultBoost) || defaultBoost <= 0 || !float.IsFinite(defaultThreshold) || defaultThreshold is <= 0 or > 1)
        {
            throw new KeywordException($"Default keyword boost {defaultBoost} must be positive and threshold {defaultThreshold} in (0, 1].");
        }

        return new KeywordGraph(entries, defaultBoost, defaultThreshold);
    }

    /// <summary>Consumes <paramref name="token"/> in <paramref name="state"/>; returns the next state and the score change.</summary>
    public int Step(int state, int token, out float score)
    {
        if (_edges.TryGetValue(Edge(state, token), out int child))
        {
            score = _tokenScore[child] + _outputScore[child];
            return child;
        }

        int node = _fail[state];
        while (!_edges.ContainsKey(Edge(node, token)) && node != 0)
        {
            node = _fail[node];
        }

        if (_edges.TryGetValue(Edge(node, token), out child))
        {
            node = child;
        }

        score = _nodeScore[node] - _nodeScore[state] + _outputScore[node];
        return node;
    }

    /// <summary>
    /// The keyword end that <paramref name="state"/> has reached, its own or the nearest on its failure chain;
    /// -1 when none.
    /// </summary>
    public int MatchedEnd(int state) => _keyword[state] != NoKeyword ? state : _output[state];

    /// <summary>The keyword a matched end (from <see cref="MatchedEnd"/>) belongs to.</summary>
    public Keyword KeywordAt(int end) => _keywords[_keyword[end]];

    /// <summary>How many tokens the spelling ending at <paramref name="end"/> has.</summary>
    public int DepthOf(int end) => _depth[end];

    /// <summary>The average token probability the keyword ending at <paramref name="end"/> needs to trigger.</summary>
    public float ThresholdOf(int end) => _threshold[end];

    private static long Edge(int node, int token) => ((long)node << 32) | (uint)token;

    private int AddNode(int token, float tokenScore, float nodeScore)
    {
        _token.Add(token);
        _tokenScore.Add(tokenScore);
        _nodeScore.Add(nodeScore);
        _outputScore.Add(0);
        _depth.Add(0);
        _threshold.Add(0);
        _keyword.Add(NoKeyword);
        _firstChild.Add(-1);
        _nextSibling.Add(-1);
        return _token.Count - 1;
    }

    private void Insert(int[] tokens, float boost, float threshold, int keyword)
    {
        int node = 0;
        for (int j = 0; j < tokens.Length; j++)
        {
            bool last = j == tokens.Length - 1;
            if (!_edges.TryGetValue(Edge(node, tokens[j]), out int child))
            {
                child = AddNode(tokens[j], boost, _nodeScore[node] + boost);
                _depth[child] = j + 1;
                _nextSibling[child] = _firstChild[node];
                _firstChild[node] = child;
                _edges.Add(Edge(node, tokens[j]), child);
            }
            else
            {
                _tokenScore[child] = Math.Max(boost, _tokenScore[child]);
                _nodeScore[child] = _nodeScore[node] + _tokenScore[child];
            }

            if (last)
            {
                _keyword[child] = keyword;
                _threshold[child] = threshold;
            }

            _outputScore[child] = _keyword[child] != NoKeyword ? _nodeScore[child] : 0;
            node = child;
        }
    }

    private void LinkBreadthFirst()
    {
        var queue = new Queue<int>();
        for (int child = _firstChild[0]; child >= 0; child = _nextSibling[child])
        {
            _fail[child] = 0;
            _output[child] = -1;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            for (int child = _firstChild[node]; child >= 0; child = _nextSibling[child])
            {
                int token = _token[child];
                int fail = _fail[node];
                while (!_edges.ContainsKey(Edge(fail, token)) && fail != 0)
                {
                    fail = _fail[fail];
                }

                _fail[child] = _edges.TryGetValue(Edge(fail, token), out int next) ? next : 0;
                int output = _fail[child];
                while (output != 0 && _keyword[output] == NoKeyword)
                {
                    output = _fail[output];
                }

                _output[child] = output == 0 ? -1 : output;
                _outputScore[child] += output == 0 ? 0 : _outputScore[output];
                queue.Enqueue(child);
            }
        }
    }
}
