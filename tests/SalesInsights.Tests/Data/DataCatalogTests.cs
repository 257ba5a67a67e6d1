using SalesInsights.Data;
using SalesInsights.Pipeline;
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

    [Theory]
    [InlineData("SELECT * FROM read_csv_auto('/etc/passwd')")]
    [InlineData("SELECT * FROM read_text('/etc/hostname')")]
    [InlineData("SELECT * FROM read_csv('input/data/deals.csv')")]
    [InlineData("SELECT * FROM 'input/data/deals.csv'")]
    [InlineData("SELECT * FROM glob('/*')")]
    [InlineData("SELECT * FROM read_json_auto('https://example.org/x.json')")]
    public void Queries_read_no_file_and_no_network_not_even_the_data_folders(string sql)
    {
        var outcome = Sample.Query(sql);

        Assert.False(outcome.Succeeded);
        Assert.Matches("Permission Error|disabled|does not exist|Catalog Error", outcome.Error);
    }

    [Theory]
    [InlineData("SET enable_external_access = true", "SET")]
    [InlineData("DROP TABLE deals", "DROP")]
    [InlineData("INSERT INTO deals SELECT * FROM deals", "INSERT")]
    [InlineData("SELECT 1; DROP TABLE deals", "one statement")]
    [InlineData("WITH x AS (SELECT 1) UPDATE deals SET amount = amount * 10 RETURNING 1", "WITH x AS")]
    [InlineData("with x as (select 1)\n  update deals set amount = 0 returning 1", "with x as")]
    [InlineData("/* a report */ DELETE FROM deals RETURNING deal_id", "DELETE FROM deals")]
    [InlineData("CREATE TEMP TABLE t AS SELECT 1", "CREATE TEMP TABLE")]
    [InlineData("CREATE OR REPLACE MACRO amount() AS 0", "CREATE OR REPLACE")]
    [InlineData("ATTACH ':memory:' AS other", "ATTACH")]
    [InlineData("COPY deals TO 'out.csv'", "COPY")]
    [InlineData("PRAGMA disable_checkpoint_on_shutdown", "PRAGMA")]
    [InlineData("RESET memory_limit", "RESET")]
    [InlineData("SELECT * FROM query('UPDATE deals SET amount = 0 RETURNING 1')", "SELECT statement")]
    [InlineData("EXPLAIN ANALYZE SELECT 1", "EXPLAIN")]
    public void Only_one_read_only_statement_is_allowed(string sql, string expected)
    {
        var outcome = Sample.Query(sql);

        Assert.False(outcome.Succeeded);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        Assert.Equal(6327L, Sample.Query("SELECT count(*) FROM deals").Result!.Rows[0][0]);
    }

    [Theory]
    [InlineData("SELECT * FROM (SELECT region, status FROM deals) PIVOT (count(*) FOR status IN ('won', 'lost'))")]
    [InlineData("SUMMARIZE deals")]
    [InlineData("DESCRIBE deals")]
    [InlineData("FROM deals SELECT count(*)")]
    [InlineData("(SELECT 1) UNION ALL (SELECT 2)")]
    [InlineData("VALUES (1), (2)")]
    public void Read_only_forms_that_are_not_plain_selects_are_allowed(string sql)
    {
        Assert.True(Sample.Query(sql).Succeeded, Sample.Query(sql).Error);
    }

    [Fact]
    public void A_query_that_runs_past_the_time_limit_is_stopped_with_a_message_naming_the_limit()
    {
        using var folder = new TemporaryFolder();
        // Long enough that the small query after it never runs out of time on a loaded machine; the first never ends.
        using var catalog = TestData.Catalog(folder, new Dictionary<string, string> { ["t.csv"] = "a\n1" }, new DataOptions { QueryTimeout = TimeSpan.FromSeconds(3) });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var outcome = catalog.Query("SELECT count(*) FROM range(1000000000000)");

        Assert.False(outcome.Succeeded);
        Assert.Contains("longer than 3 s", outcome.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"stopped after {watch.Elapsed}");
        Assert.Equal(1L, catalog.Query("SELECT count(*) AS n FROM t").Result!.Rows[0][0]);
    }

    [Fact]
    public void A_query_that_needs_more_memory_than_the_limit_fails_with_duckdbs_out_of_memory_error()
    {
        using var folder = new TemporaryFolder();
        using var catalog = TestData.Catalog(folder, new Dictionary<string, string> { ["t.csv"] = "a\n1\n" }, new DataOptions { MemoryLimit = "100MB" });

        var outcome = catalog.Query("SELECT list(range) AS l FROM range(100000000)");

        Assert.False(outcome.Succeeded);
        Assert.Contains("Out of Memory", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT current_setting('home_directory') AS v")]
    [InlineData("SELECT current_setting('extension_directory') AS v")]
    [InlineData("SELECT current_setting('secret_directory') AS v")]
    [InlineData("SELECT current_setting('temp_directory') AS v")]
    [InlineData("SELECT current_setting('allowed_directories')::VARCHAR AS v")]
    [InlineData("SELECT string_agg(value, ',') AS v FROM duckdb_settings()")]
    public void Settings_that_name_folders_reveal_no_folder_of_the_build_machine(string sql)
    {
        var outcome = Sample.Query(sql);

        var text = outcome.Succeeded ? string.Join(",", outcome.Result!.Rows.SelectMany(r => r).Select(QueryResult.AsText)) : outcome.Error!;
        Assert.DoesNotContain(Repository.Root, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_that_carries_a_folder_of_the_build_machine_is_refused()
    {
        var outcome = Sample.Query($"SELECT '{Repository.Root}/input/data' AS p");

        Assert.False(outcome.Succeeded);
        Assert.Contains("folder of the machine", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_query_changes_what_a_later_query_sees()
    {
        using var folder = new TemporaryFolder();
        using var catalog = TestData.Catalog(folder, new Dictionary<string, string> { ["deals.csv"] = "amount\n10\n" });
        string[] attacks =
        [
            "WITH x AS (SELECT 1) UPDATE deals SET amount = amount * 10 RETURNING 1",
            "CREATE TEMP VIEW deals AS SELECT 0 AS amount",
            "CREATE MACRO total() AS 0",
            "SET search_path = 'temp'",
            "SET VARIABLE x = 1",
            "SELECT 1; UPDATE deals SET amount = 0",
            "UPDATE deals SET amount = 0; SELECT syntax error here",
        ];
        foreach (var attack in attacks)
        {
            Assert.False(catalog.Query(attack).Succeeded, attack);
        }

        Assert.Equal(10.0, QueryResult.AsDouble(catalog.Query("SELECT sum(amount) AS total FROM deals").Result!.Rows[0][0]));
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,5\n6,7,8\n", 3, "line 3 has 2 values but the header has 3")]
    [InlineData("a,b\n1,2\n3,4,5\n6,7,8\n", 3, "(1 more rows")]
    [InlineData("a;b\n1;2\n3\n", 3, "line 3 has 1 values but the header has 2")]
    [InlineData("a,b\n1,\"open\n2,3\n", 2, "never closed")]
    [InlineData("", 1, "is empty")]
    [InlineData("\n\n", 1, "header")]
    [InlineData("a,b\n", 1, "no rows")]
    [InlineData("name,amount\nJos\u00e9,1\n", 0, "")]
    public void A_csv_of_the_wrong_shape_is_an_error_at_the_line_to_fix(string text, int line, string expected)
    {
        using var folder = new TemporaryFolder();
        var directory = folder.Root;
        File.WriteAllText(Path.Combine(directory, "t.csv"), text);
        using var catalog = DataCatalog.Open(directory, directory);

        if (line == 0)
        {
            Assert.Empty(catalog.Problems);
        }
        else
        {
            var problem = Assert.Single(catalog.Problems);
            Assert.Equal(("t.csv", line), (problem.Path, problem.Line));
            Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
            Assert.Empty(catalog.Datasets);
        }
    }

    [Fact]
    public void A_csv_in_another_encoding_is_an_error_at_its_first_bad_line_until_site_yml_names_the_encoding()
    {
        using var folder = new TemporaryFolder();
        var directory = folder.Root;
        // Windows-1252: é is 0xE9 and the euro sign 0x80, which Latin-1 does not have.
        File.WriteAllBytes(Path.Combine(directory, "export.csv"), [.. "name,amount\nAnna,1\n"u8, .. "Jos"u8, 0xE9, .. ",2\n"u8, 0x80, .. "uro,3\n"u8]);

        using (var plain = DataCatalog.Open(directory, directory))
        {
            var problem = Assert.Single(plain.Problems);
            Assert.Equal(3, problem.Line);
            Assert.Contains("not UTF-8", problem.Message, StringComparison.Ordinal);
            Assert.Contains("encoding: windows-1252", problem.Message, StringComparison.Ordinal);
        }

        var options = new DataOptions { Encodings = DataOptions.Default.Encodings.Add("export", "windows-1252") };
        using var declared = DataCatalog.Open(directory, directory, options);
        Assert.Empty(declared.Problems);
        Assert.Equal(["Anna", "José", "€uro"], declared.Query("SELECT name FROM export ORDER BY amount").Result!.Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void A_binary_file_named_csv_is_refused_with_the_offset_of_its_first_zero_byte()
    {
        using var folder = new TemporaryFolder();
        var directory = folder.Root;
        File.WriteAllBytes(Path.Combine(directory, "blob.csv"), [.. "a,b\n1,2\n"u8, 0, 1, 2, .. ",3\n"u8]);
        using var catalog = DataCatalog.Open(directory, directory);

        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("byte offset 8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_file_that_links_outside_the_site_is_refused_and_never_loaded()
    {
        using var folder = new TemporaryFolder();
        using var away = new TemporaryFolder();
        var directory = folder.Root;
        var outside = away.Root;
        File.WriteAllText(Path.Combine(outside, "secret.csv"), "password\nhunter2\n");
        File.CreateSymbolicLink(Path.Combine(directory, "passwd.csv"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(directory, "secret.csv"), Path.Combine(outside, "secret.csv"));
        File.CreateSymbolicLink(Path.Combine(directory, "loop.csv"), Path.Combine(directory, "loop.csv"));
        File.WriteAllText(Path.Combine(directory, "fine.csv"), "a\n1\n");
        File.CreateSymbolicLink(Path.Combine(directory, "alias.csv"), "fine.csv");

        using var catalog = DataCatalog.Open(directory, directory);

        Assert.Equal(["alias", "fine"], catalog.Datasets.Select(d => d.Name));
        Assert.Equal(["loop.csv", "passwd.csv", "secret.csv"], catalog.Problems.Where(p => p.Code == "SI0005").Select(p => p.Path).Order());
        Assert.Contains("/etc/passwd", catalog.Problems.Single(p => p.Path == "passwd.csv").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(catalog.Query("SELECT * FROM duckdb_tables()").Result!.Rows, r => r.Contains("passwd") || r.Contains("secret"));
    }

    [Fact]
    public void A_query_over_a_dataset_that_failed_to_load_is_a_follow_on_of_the_datasets_own_error()
    {
        using var folder = new TemporaryFolder();
        using var catalog = TestData.Catalog(folder, new Dictionary<string, string> { ["deals.csv"] = "a,b\n1\n", ["reps.csv"] = "name\nAda\n" });

        var outcome = catalog.Query("SELECT count(*) FROM deals");
        var other = catalog.Query("SELECT count(*) FROM nowhere");

        Assert.True(catalog.IsFollowOn(Diagnostic.Error("SI306", "SQL error: " + outcome.Error, "input/posts/a.md", 3)));
        Assert.False(catalog.IsFollowOn(Diagnostic.Error("SI306", "SQL error: " + other.Error, "input/posts/a.md", 3)));
        Assert.False(catalog.IsFollowOn(catalog.Problems.Single()));
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

    private static readonly Dictionary<string, string> Sales = new()
    {
        ["sales.csv"] = """
            region,amount,day
            NA,100.5,2025-01-03
            EMEA,250,2025-02-01
            """,
    };

    [Fact]
    public void A_catalog_over_the_same_data_answers_from_the_store_and_loads_no_dataset()
    {
        using var folder = new TemporaryFolder();
        using var cache = new TemporaryFolder();
        const string sql = "SELECT region, sum(amount) AS total, min(day) AS first FROM sales GROUP BY 1 ORDER BY 1";
        QueryResult first;
        using (var cold = TestData.Catalog(folder, Sales, cacheDirectory: cache.Root))
        {
            first = cold.Query(sql).Result!;
            Assert.True(cold.IsLoaded);
        }

        using var warm = DataCatalog.Open(folder.Root, folder.Root, cacheDirectory: cache.Root);
        var second = warm.Query(sql).Result!;

        Assert.Equal(first.Columns.ToArray(), second.Columns.ToArray());
        Assert.Equal(first.Rows.Select(r => string.Join('|', r)), second.Rows.Select(r => string.Join('|', r)));
        Assert.Equal(["sales"], warm.Datasets.Select(d => d.Name));
        Assert.Equal(2, warm.Datasets[0].RowCount);
        Assert.Equal(0, warm.ExecutedQueries);
        Assert.Equal(1, warm.StoredAnswers);
        Assert.False(warm.IsLoaded);
    }

    [Fact]
    public void A_query_the_store_has_not_seen_loads_the_datasets_then()
    {
        using var folder = new TemporaryFolder();
        using var cache = new TemporaryFolder();
        TestData.Catalog(folder, Sales, cacheDirectory: cache.Root).Dispose();

        using var warm = DataCatalog.Open(folder.Root, folder.Root, cacheDirectory: cache.Root);
        Assert.False(warm.IsLoaded);
        var outcome = warm.Query("SELECT count(*) AS n FROM sales");

        Assert.Equal(2L, outcome.Result!.Rows[0][0]);
        Assert.True(warm.IsLoaded);
        Assert.Equal(1, warm.ExecutedQueries);
        Assert.Empty(warm.Problems);
        Assert.Contains("Permission Error", warm.Query("SELECT * FROM read_text('/etc/hostname')").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_data_file_is_never_answered_from_the_store()
    {
        using var folder = new TemporaryFolder();
        using var cache = new TemporaryFolder();
        const string sql = "SELECT sum(amount) AS total FROM sales";
        using (var before = TestData.Catalog(folder, Sales, cacheDirectory: cache.Root))
        {
            Assert.Equal(350.5, before.Query(sql).Result!.Rows[0][0]);
        }

        File.AppendAllText(folder.PathOf("sales.csv"), "APAC,1000,2025-03-01\n");
        using var after = DataCatalog.Open(folder.Root, folder.Root, cacheDirectory: cache.Root);

        Assert.Equal(1350.5, after.Query(sql).Result!.Rows[0][0]);
        Assert.Equal(3, after.Datasets[0].RowCount);
        Assert.Equal(0, after.StoredAnswers);
    }

    [Fact]
    public void Refused_and_failed_queries_are_not_stored_so_the_guard_and_the_limits_judge_them_every_time()
    {
        using var folder = new TemporaryFolder();
        using var cache = new TemporaryFolder();
        using (var cold = TestData.Catalog(folder, Sales, cacheDirectory: cache.Root))
        {
            Assert.False(cold.Query("DROP TABLE sales").Succeeded);
            Assert.False(cold.Query("SELECT nope FROM sales").Succeeded);
        }

        using var warm = DataCatalog.Open(folder.Root, folder.Root, cacheDirectory: cache.Root);

        Assert.Contains("DROP", warm.Query("DROP TABLE sales").Error, StringComparison.Ordinal);
        Assert.Contains("nope", warm.Query("SELECT nope FROM sales").Error, StringComparison.Ordinal);
        Assert.Equal(0, warm.StoredAnswers);
    }

    [Fact]
    public void Deleting_the_store_only_costs_time()
    {
        using var folder = new TemporaryFolder();
        using var cache = new TemporaryFolder();
        using (var cold = TestData.Catalog(folder, Sales, cacheDirectory: cache.Root))
        {
            cold.Query("SELECT count(*) FROM sales");
        }
        Directory.Delete(cache.Root, recursive: true);

        using var again = DataCatalog.Open(folder.Root, folder.Root, cacheDirectory: cache.Root);

        Assert.True(again.IsLoaded);
        Assert.Equal(2L, again.Query("SELECT count(*) FROM sales").Result!.Rows[0][0]);
        Assert.Equal(1, again.ExecutedQueries);
    }
}
