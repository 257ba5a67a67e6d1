using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ColorCode;
using ColorCode.Common;
using ColorCode.Compilation;
using ColorCode.Parsing;

namespace SalesInsights.Markdown.Highlighting;

/// <summary>
/// ColorCode's own parser, made unable to hang: each language's compiled pattern is rebuilt with a match timeout,
/// and between matches the block's time is checked against <see cref="Budget"/>. ColorCode's patterns backtrack
/// exponentially on some input (its JSON string pattern on an array of strings: 20 characters took 11 s, 22 more
/// than 20 s); past the budget the block is shown as plain text instead (<see cref="HighlightBudgetExceededException"/>).
/// </summary>
internal sealed class BoundedLanguageParser : ILanguageParser
{
    /// <summary>
    /// How long one code block may take to highlight. Normal blocks take milliseconds, but the chart gallery's Markdown
    /// blocks took over 2 s on a machine running 18 builds on two cores: the budget is for runaway patterns, not load.
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, CompiledLanguage> Compiled = new(StringComparer.Ordinal);
    private static readonly ILanguageRepository Repository = new LanguageRepository(Languages.All.ToDictionary(l => l.Id, StringComparer.Ordinal));

    private readonly LanguageParser _inner = new(new TimedCompiler(), Repository);

    public void Parse(string sourceCode, ILanguage language, Action<string, IList<Scope>> parseHandler)
    {
        var started = Stopwatch.GetTimestamp();
        _inner.Parse(sourceCode, language, (text, scopes) =>
        {
            if (Stopwatch.GetElapsedTime(started) > Budget)
            {
                throw new HighlightBudgetExceededException();
            }
            parseHandler(text, scopes);
        });
    }

    /// <summary>ColorCode's compiler, then the same pattern again with a match timeout (compiled once per language for the process).</summary>
    private sealed class TimedCompiler : ILanguageCompiler
    {
        private readonly LanguageCompiler _compiler = new([], new ReaderWriterLockSlim());

        public CompiledLanguage Compile(ILanguage language) => Compiled.GetOrAdd(language.Id, _ =>
        {
            var compiled = _compiler.Compile(language);
            var regex = new Regex(compiled.Regex.ToString(), compiled.Regex.Options, Budget);
            return new CompiledLanguage(compiled.Id, compiled.Name, regex, compiled.Captures);
        });
    }
}

/// <summary>A code block took longer than <see cref="BoundedLanguageParser.Budget"/> to highlight.</summary>
internal sealed class HighlightBudgetExceededException : Exception
{
    public HighlightBudgetExceededException() : base("Highlighting took longer than its budget.")
    {
    }

    public HighlightBudgetExceededException(string message) : base(message)
    {
    }

    public HighlightBudgetExceededException(string message, Exception inner) : base(message, inner)
    {
    }
}
