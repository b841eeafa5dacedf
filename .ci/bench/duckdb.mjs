// The DuckDB side of .ci/bench-vs-duckdb: load the CSV into a table the way
// an analyst would (CREATE TABLE AS read_csv_auto), then count the non-null
// values of every stage-date column overall and by channel.
// usage: node duckdb.mjs FILE CHANNEL_COLUMN STAGE_COLUMN...
import { DuckDBInstance } from '@duckdb/node-api';

const [file, channel, ...stages] = process.argv.slice(2);
if (!file || !channel || stages.length === 0) {
  console.error('usage: node duckdb.mjs FILE CHANNEL_COLUMN STAGE_COLUMN...');
  process.exit(2);
}
const q = (s) => '"' + s.replaceAll('"', '""') + '"';
const counts = stages.map((s) => `count(${q(s)})`).join(', ');
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`CREATE TABLE t AS SELECT * FROM read_csv_auto('${file.replaceAll("'", "''")}')`);
const all = (await con.runAndReadAll(`SELECT count(*), ${counts} FROM t`)).getRows();
const by = (await con.runAndReadAll(`SELECT ${q(channel)}, ${counts} FROM t GROUP BY 1 ORDER BY 1`)).getRows();
console.log(JSON.stringify({ overall: all[0].map(String), by_channel: by.length }));
