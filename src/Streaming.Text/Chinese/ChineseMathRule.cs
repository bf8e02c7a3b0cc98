using System.Text;

namespace Streaming.Text.Chinese;

/// <summary>
/// Arithmetic, comparisons, scores and spans between numbers: 二等于一加一 → 2=1+1,
/// 七十八比九十六 → 78:96, 六百三到六百四 → 630~640. Operators only count between two numbers.
/// </summary>
internal sealed class ChineseMathRule(ChineseLexicon lexicon) : IChineseRule
{
    public ItnClass Class => ItnClass.Math;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var p = pos;
        var operand = ReadOperand(s, p, options.Style, out var text);
        if (operand == 0)
        {
            return 0;
        }

        var sb = new StringBuilder(text);
        p += operand;
        var operators = 0;
        while (p < s.Length)
        {
            var opLength = lexicon.MathOperators.Match(s, p, out var symbol);
            if (opLength == 0)
            {
                break;
            }

            var next = ReadOperand(s, p + opLength, options.Style, out text);
            if (next == 0)
            {
                break;
            }

            sb.Append(symbol).Append(text);
            p += opLength + next;
            operators++;
        }

        if (operators == 0)
        {
            return 0;
        }

        written = sb.ToString();
        return p - pos;
    }

    private static int ReadOperand(string s, int pos, ItnStyle style, out string text)
    {
        var signLength = ChineseSign.Read(s, pos, out var sign);
        var number = ChineseQuantityParser.Parse(s, pos + signLength, allowBareRange: false, style);
        text = sign + number.Written;
        return number.Length == 0 ? 0 : signLength + number.Length;
    }
}
