using Xunit.Abstractions;
using Xunit.Sdk;

namespace SalesInsights.Tests.Support;

/// <summary>
/// Thrown by a test to say it cannot run here (a tool or a page is missing). Tests marked
/// <see cref="CheckFactAttribute"/> or <see cref="CheckTheoryAttribute"/> report it as skipped with its message;
/// anywhere else it fails the test, which is the safe direction.
/// </summary>
public sealed class SkipTestException(string reason) : Exception(reason);

/// <summary>Skips the running test from inside it, for conditions only known once the site is built.</summary>
public static class Skip
{
    public static void If(bool condition, string reason)
    {
        if (condition)
        {
            throw new SkipTestException(reason);
        }
    }
}

/// <summary>A fact that may skip itself at run time with <see cref="Skip.If"/>.</summary>
[XunitTestCaseDiscoverer("SalesInsights.Tests.Support.CheckFactDiscoverer", "SalesInsights.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class CheckFactAttribute : FactAttribute;

/// <summary>A theory whose rows may skip themselves at run time with <see cref="Skip.If"/>.</summary>
[XunitTestCaseDiscoverer("SalesInsights.Tests.Support.CheckTheoryDiscoverer", "SalesInsights.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class CheckTheoryAttribute : TheoryAttribute;

public sealed class CheckFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new SkippableTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

public sealed class CheckTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new SkippableTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, dataRow)];

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        [new SkippableTheoryTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

public sealed class SkippableTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer", error: true)]
    public SkippableTestCase()
    {
    }

    public SkippableTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, object[]? arguments = null)
        : base(sink, display, options, testMethod, arguments)
    {
    }

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        SkippingMessageBus.RunAsync(messageBus, bus => base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource));
}

public sealed class SkippableTheoryTestCase : XunitTheoryTestCase
{
    [Obsolete("Called by the de-serializer", error: true)]
    public SkippableTheoryTestCase()
    {
    }

    public SkippableTheoryTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        SkippingMessageBus.RunAsync(messageBus, bus => base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource));
}

/// <summary>Turns the failure of a test that threw <see cref="SkipTestException"/> into a skip with the same message.</summary>
internal sealed class SkippingMessageBus(IMessageBus inner) : IMessageBus
{
    private int _skipped;

    public static async Task<RunSummary> RunAsync(IMessageBus messageBus, Func<IMessageBus, Task<RunSummary>> run)
    {
        var bus = new SkippingMessageBus(messageBus);
        var summary = await run(bus);
        summary.Failed -= bus._skipped;
        summary.Skipped += bus._skipped;
        return summary;
    }

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.FirstOrDefault() == typeof(SkipTestException).FullName)
        {
            Interlocked.Increment(ref _skipped);
            return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages.FirstOrDefault() ?? "skipped"));
        }
        return inner.QueueMessage(message);
    }

    public void Dispose()
    {
    }
}
