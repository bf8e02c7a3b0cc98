namespace Streaming.Sip.Message;

/// <summary>Small helpers over header values: list splitting and parameter lookup, both aware of quotes and angle brackets.</summary>
public static class HeaderValue
{
    /// <summary>Splits a comma-separated header list, ignoring commas inside quotes or &lt;...&gt;.</summary>
    public static IEnumerable<string> SplitList(string value)
    {
        var start = 0;
        var quoted = false;
        var angle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quoted && c == '\\')
            {
                // quoted-pair: the next character is literal, a quote included.
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '<')
            {
                angle = true;
            }
            else if (!quoted && c == '>')
            {
                angle = false;
            }
            else if (!quoted && !angle && c == ',')
            {
                yield return value[start..i].Trim();
                start = i + 1;
            }
        }

        var last = value[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    /// <summary>
    /// The value of parameter <paramref name="name"/> (after the URI's closing '&gt;' in name-addr form), unquoted;
    /// empty for a flag parameter, null when absent.
    /// </summary>
    public static string? Parameter(string value, string name)
    {
        var close = value.LastIndexOf('>');
        var tail = close >= 0 ? value[(close + 1)..] : value;
        foreach (var part in tail.Split(';').Skip(1))
        {
            var eq = part.IndexOf('=');
            var key = (eq < 0 ? part : part[..eq]).Trim();
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return eq < 0 ? string.Empty : part[(eq + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    /// <summary>The URI of a name-addr (<c>"Bob" &lt;sip:bob@x&gt;;tag=1</c>) or addr-spec, without parameters.</summary>
    public static string Uri(string value)
    {
        var open = value.IndexOf('<');
        var close = value.IndexOf('>');
        if (open >= 0 && close > open)
        {
            return value[(open + 1)..close];
        }

        var semi = value.IndexOf(';');
        return (semi < 0 ? value : value[..semi]).Trim();
    }
}
