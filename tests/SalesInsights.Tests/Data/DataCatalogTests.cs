using SalesInsights.Data;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Data;

public sealed class DataCatalogTests
{
    private static DataCatalog Sample => TestData.SampleCatalog;

    [Fact]
    public void Every_sample_csv_is_registered_as_a_table_named_after_its_file()
    {
        Assert.Equal(["activities", "deals", "reps", "targets"], Sample.Datasets.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Empty(Sample.Problems);
    }

    [Theory]
    [InlineData("deals", "amount", typeof(double))]
    [InlineData("deals", "discount_pct", typeof(double))]
    [InlineData("deals", "created_date", typeof(DateOnly))]
    [InlineData("deals", "close_date", typeof(DateOnly))]
    [InlineData("deals", "status", typeof(string))]
    [InlineData("activities", "date", typeof(DateOnly))]
    [InlineData("activities", "deal_id", typeof(string))]
    [InlineData("reps", "hire_date", typeof(DateOnly))]
    [InlineData("targets", "quota", typeof(double))]
    [InlineData("targets", "quarter", typeof(string))]
    public void Dataset_columns_have_dotnet_types_detected_from_the_whole_file(string dataset, string column, Type type)
    {
        var columns = Sample.Find(dataset)!.Columns;
        Assert.Equal(type, columns.Single(c => c.Name == column).Type);
    }

    [Fact]
    public void A_query_returns_typed_columns_and_rows()
    {
        var result = Sample.Query("SELECT segment, count(*) AS deals, avg(amount) AS average FROM deals GROUP BY 1 ORDER BY 1").Result!;

        Assert.Equal(["segment", "deals", "average"], result.Columns.Select(c => c.Name));
        Assert.Equal([typeof(string), typeof(long), typeof(double)], result.Columns.Select(c => c.Type));
        Assert.Equal(["Enterprise", "Mid-Market", "SMB"], result.Rows.Select(r => (string)r[0]!));
        Assert.All(result.Rows, r => Assert.IsType<long>(r[1]));
    }

    [Fact]
    public void The_sandbox_refuses_files_outside_the_data_folder_with_duckdbs_permission_error()
    {
        var outcome = Sample.Query("SELECT * FROM read_csv_auto('/etc/passwd')");

        Assert.False(outcome.Succeeded);
        Assert.Contains("Permission Error", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("disabled by configuration", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SET enable_external_access = true", "SET")]
    [InlineData("DROP TABLE deals", "DROP")]
    [InlineData("INSERT INTO deals SELECT * FROM deals", "INSERT")]
    [InlineData("SELECT 1; DROP TABLE deals", "one statement")]
    public void Only_one_read_only_statement_is_allowed(string sql, string expected)
    {
        var outcome = Sample.Query(sql);

        Assert.False(outcome.Succeeded);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        Assert.Equal(6327L, Sample.Query("SELECT count(*) FROM deals").Result!.Rows[0][0]);
    }

    [Fact]
    public void A_semicolon_inside_a_string_or_comment_is_not_a_second_statement()
    {
        var outcome = Sample.Query("SELECT 'a;b' AS text -- trailing; comment\n;");

        Assert.Equal("a;b", outcome.Result!.Rows[0][0]);
    }

    [Theory]
    [InlineData("SELECT 1 AS one;")]
    [InlineData("SELECT 1 AS one; -- done")]
    [InlineData("SELECT 1 AS one -- no semicolon; here\n")]
    public void A_closing_semicolon_does_not_stop_a_query_from_being_wrapped_for_its_schema(string sql)
    {
        var schema = Sample.Schema(sql);

        Assert.Equal("one", Assert.Single(schema.Result!.Columns).Name);
    }

    [Fact]
    public void An_sql_error_carries_duckdbs_message()
    {
        var outcome = Sample.Query("SELECT amout FROM deals");

        Assert.Contains("amout", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Binder Error", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_queries_run_once_per_build()
    {
        using var folder = new TemporaryFolder();
        var catalog = TestData.Catalog(folder, new Dictionary<string, string> { ["t.csv"] = "a\n1\n2\n" });
        using (catalog)
        {
            var first = catalog.Query("SELECT sum(a) FROM t");
            var second = catalog.Query("  SELECT sum(a) FROM t\n");

            Assert.Same(first, second);
            Assert.Equal(1, catalog.ExecutedQueries);
        }
    }

    [Fact]
    public void An_aggregation_over_a_million_rows_stays_inside_duckdb_and_returns_one_row()
    {
        var result = Sample.Query("SELECT count(*) AS n, sum(range) AS total FROM range(1000000)").Result!;

        Assert.Single(result.Rows);
        Assert.Equal(1_000_000L, result.Rows[0][0]);
    }

    [Fact]
    public void A_result_larger_than_the_row_limit_is_refused_instead_of_loaded()
    {
        var outcome = Sample.Query("SELECT * FROM range(100000)");

        Assert.False(outcome.Succeeded);
        Assert.Contains("aggregate", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_from_many_threads_at_once_all_get_their_own_answers()
    {
        var answers = new long[64];
        Parallel.For(0, answers.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            answers[i] = (long)Sample.Query($"SELECT count(*) + {i} FROM deals WHERE amount > {i}").Result!.Rows[0][0]! - i);

        for (var i = 0; i < answers.Length; i++)
        {
            Assert.Equal((long)Sample.Query($"SELECT count(*) FROM deals WHERE amount > {i}").Result!.Rows[0][0]!, answers[i]);
        }
    }

    [Fact]
    public void A_parquet_file_is_registered_like_a_csv()
    {
        using var folder = new TemporaryFolder();
        var directory = folder.Root;
        using (var writer = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:"))
        {
            writer.Open();
            using var command = writer.CreateCommand();
            command.CommandText = $"COPY (SELECT range AS n, range * 1.5 AS x FROM range(10)) TO '{Path.Combine(directory, "Monthly Totals.parquet")}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        using var catalog = DataCatalog.Open(directory);

        var dataset = Assert.Single(catalog.Datasets);
        Assert.Equal("monthly_totals", dataset.Name);
        Assert.Equal(10, dataset.RowCount);
        Assert.Equal(67.5, catalog.Query("SELECT sum(x) FROM monthly_totals").Result!.Rows[0][0]);
    }

    [Fact]
    public void A_broken_data_file_is_reported_against_its_path_and_the_others_still_load()
    {
        using var folder = new TemporaryFolder();
        var catalog = TestData.Catalog(folder, new Dictionary<string, string>
        {
            ["good.csv"] = "a,b\n1,2\n",
            ["bad.parquet"] = "this is not parquet",
        });
        using (catalog)
        {
            Assert.Equal(["good"], catalog.Datasets.Select(d => d.Name));
            var problem = Assert.Single(catalog.Problems);
            Assert.Equal("SI301", problem.Code);
            Assert.Equal("bad.parquet", problem.Path);
            Assert.True(Directory.Exists(folder.Root));
        }
    }

    [Fact]
    public void Files_loaded_side_by_side_are_listed_in_name_order_each_with_its_own_rows()
    {
        var files = Enumerable.Range(1, 7).ToDictionary(
            i => $"t{i}.csv",
            i => "n\n" + string.Join('\n', Enumerable.Range(0, i * 500)));
        // The same table name as t1.csv, and first in name order: it is loaded, t1.csv is reported.
        files["T1.csv"] = "n\n1";
        using var folder = new TemporaryFolder();
        var catalog = TestData.Catalog(folder, files);
        using (catalog)
        {
            Assert.Equal(["t1", "t2", "t3", "t4", "t5", "t6", "t7"], catalog.Datasets.Select(d => d.Name));
            Assert.Equal([1L, 1000, 1500, 2000, 2500, 3000, 3500], catalog.Datasets.Select(d => d.RowCount));
            Assert.Equal(3500L, catalog.Query("SELECT count(*) FROM t7").Result!.Rows[0][0]);
            var duplicate = Assert.Single(catalog.Problems);
            Assert.Equal("t1.csv", duplicate.Path);
        }
    }

    [Fact]
    public void The_fingerprint_changes_when_a_data_file_changes()
    {
        using var folder = new TemporaryFolder();
        var before = TestData.Catalog(folder, new Dictionary<string, string> { ["t.csv"] = "a\n1\n" });
        using (before)
        {
            File.WriteAllText(Path.Combine(folder.Root, "t.csv"), "a\n2\n");
            using var after = DataCatalog.Open(folder.Root);

            Assert.NotEqual(before.Fingerprint, after.Fingerprint);
        }
    }
}
