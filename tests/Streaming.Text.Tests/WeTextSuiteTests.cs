using Xunit.Abstractions;

namespace Streaming.Text.Tests;

/// <summary>Runs the WeTextProcessing test files (Apache-2.0, see TestData/wetext/LICENSE) as an exact-match suite.</summary>
public sealed class WeTextSuiteTests(ITestOutputHelper output)
{
    private const double RequiredExactMatch = 0.95;

    [Fact]
    public void Chinese_files_match_at_least_95_percent() => AssertSuite("zh", new ChineseInverseTextNormalizer());

    [Fact]
    public void English_files_match_at_least_95_percent() => AssertSuite("en", new EnglishInverseTextNormalizer());

    private void AssertSuite(string language, IInverseTextNormalizer normalizer)
    {
        var cases = WeTextCase.Load(language);
        Assert.NotEmpty(cases);
        var passed = 0;
        foreach (var group in cases.GroupBy(c => c.File))
        {
            var filePassed = 0;
            foreach (var c in group)
            {
                var actual = normalizer.Normalize(c.Spoken, c.Options(normalizer.DefaultOptions)).Text;
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
        output.WriteLine($"{language}: {passed}/{cases.Count} exact = {rate:P1}");
        Assert.True(rate >= RequiredExactMatch, $"{language} exact match {rate:P1} is below {RequiredExactMatch:P0}");
    }
}
