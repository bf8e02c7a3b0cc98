using Xunit.Abstractions;

namespace Streaming.Text.Tests;

/// <summary>
/// Runs the WeTextProcessing test files (Apache-2.0, see TestData/wetext/LICENSE) as an exact-match suite.
/// The Chinese files are written in the WeText style; the caption style departs from them on purpose
/// (dates, times, money, big units: docs/itn-zh.md) and is held to a lower floor that still catches
/// regressions in the classes both styles share.
/// </summary>
public sealed class WeTextSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public void Chinese_files_match_at_least_95_percent_in_wetext_style() => AssertSuite("zh", new ChineseInverseTextNormalizer(), ItnStyle.WeText, 0.95);

    [Fact]
    public void Chinese_files_match_at_least_70_percent_in_caption_style() => AssertSuite("zh", new ChineseInverseTextNormalizer(), ItnStyle.Caption, 0.70);

    [Fact]
    public void English_files_match_at_least_95_percent() => AssertSuite("en", new EnglishInverseTextNormalizer(), ItnStyle.Caption, 0.95);

    private void AssertSuite(string language, IInverseTextNormalizer normalizer, ItnStyle style, double required)
    {
        var cases = WeTextCase.Load(language);
        Assert.NotEmpty(cases);
        var passed = 0;
        foreach (var group in cases.GroupBy(c => c.File))
        {
            var filePassed = 0;
            foreach (var c in group)
            {
                var actual = normalizer.Normalize(c.Spoken, c.Options(normalizer.DefaultOptions with { Style = style })).Text;
                if (actual == c.Written)
                {
                    filePassed++;
                }
                else
                {
                    output.WriteLine($"FAIL {c.File}:{c.Line}: {c.Spoken} => expected '{c.Written}', got '{actual}'");
                }
            }

            output.WriteLine($"{group.Key}: {filePassed}/{group.Count()}");
            passed += filePassed;
        }

        var rate = (double)passed / cases.Count;
        var name = language == "zh" ? $"{language} ({style.Name()})" : language;
        output.WriteLine($"{name}: {passed}/{cases.Count} exact = {rate:P1}");
        Assert.True(rate >= required, $"{name} exact match {rate:P1} is below {required:P0}");
    }
}
