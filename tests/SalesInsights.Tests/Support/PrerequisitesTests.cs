namespace SalesInsights.Tests.Support;

public sealed class PrerequisitesTests
{
    [Fact]
    public void A_missing_checker_fails_on_ci_naming_what_to_install()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Prerequisites.Require(false, "java is not on the PATH", onCi: true));
        Assert.Contains("CI must run this check, but java is not on the PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_checker_skips_elsewhere_with_the_reason()
    {
        var skip = Assert.Throws<SkipTestException>(() => Prerequisites.Require(false, "java is not on the PATH", onCi: false));
        Assert.Contains("Skipped on this machine: java is not on the PATH", skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_present_checker_neither_fails_nor_skips() =>
        Assert.Null(Record.Exception(() => Prerequisites.Require(true, "anything", onCi: true)));
}
