using System.Collections.Immutable;
using SalesInsights.Data;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Data;

public sealed class QueryStoreTests
{
    [Fact]
    public void Every_value_type_a_query_returns_comes_back_as_it_was_stored()
    {
        using var folder = new TemporaryFolder();
        var store = new QueryStore(folder.Root);
        var columns = ImmutableArray.Create(
            new QueryColumn("n", typeof(long), "BIGINT"),
            new QueryColumn("x", typeof(double), "DOUBLE"),
            new QueryColumn("s", typeof(string), "VARCHAR"),
            new QueryColumn("d", typeof(DateOnly), "DATE"),
            new QueryColumn("t", typeof(DateTime), "TIMESTAMP"),
            new QueryColumn("b", typeof(bool), "BOOLEAN"));
        ImmutableArray<ImmutableArray<object?>> rows =
        [
            [long.MinValue, 0.1 + 0.2, "a \"quoted\" line\nand é", new DateOnly(2025, 2, 28), new DateTime(2025, 3, 1, 13, 45, 7, 123), true],
            [null, double.NaN, null, null, null, false],
            [42L, double.NegativeInfinity, string.Empty, DateOnly.MinValue, DateTime.MaxValue, null],
        ];
        var key = QueryStore.Key("fingerprint", "SELECT 1", schemaOnly: false);

        store.Put(key, new QueryResult(columns, rows));
        var back = store.TryGet(key)!;

        Assert.Equal(columns.ToArray(), back.Columns.ToArray());
        Assert.Equal(rows.Length, back.Rows.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            Assert.Equal(rows[r].ToArray(), back.Rows[r].ToArray());
            Assert.Equal(rows[r].Select(v => v?.GetType()), back.Rows[r].Select(v => v?.GetType()));
        }
    }

    [Fact]
    public void A_damaged_entry_is_a_miss_not_a_failure()
    {
        using var folder = new TemporaryFolder();
        var store = new QueryStore(folder.Root);
        var key = QueryStore.Key("fingerprint", "SELECT 1", schemaOnly: false);
        store.Put(key, new QueryResult([new QueryColumn("n", typeof(long), "BIGINT")], [[1L]]));

        File.WriteAllText(folder.PathOf(key + ".json"), "{\"columns\": [{\"name\": \"n\", \"type\": \"long\"");

        Assert.Null(store.TryGet(key));
    }

    [Fact]
    public void A_value_whose_type_differs_from_its_column_is_not_stored()
    {
        using var folder = new TemporaryFolder();
        var store = new QueryStore(folder.Root);
        var key = QueryStore.Key("fingerprint", "SELECT 1", schemaOnly: false);

        store.Put(key, new QueryResult([new QueryColumn("n", typeof(long), "BIGINT")], [["not a number"]]));

        Assert.Null(store.TryGet(key));
    }

    [Theory]
    [InlineData("other fingerprint", "SELECT 1", false)]
    [InlineData("fingerprint", "SELECT 2", false)]
    [InlineData("fingerprint", "SELECT 1", true)]
    public void The_key_changes_with_the_data_the_statement_and_what_was_asked(string fingerprint, string statement, bool schemaOnly)
    {
        Assert.NotEqual(QueryStore.Key("fingerprint", "SELECT 1", schemaOnly: false), QueryStore.Key(fingerprint, statement, schemaOnly));
    }
}
