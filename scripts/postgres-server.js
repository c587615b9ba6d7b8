/**
 * The PostgreSQL server the tests (tests/helpers/strapi.ts), the benchmarks (bench.js) and the
 * fuzzer create their throwaway databases on: TEST_DATABASE_URL, by default the local server.
 */
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The server's maintenance database, where databases are created and dropped. */
const basePostgresUrl = () => process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES_URL;

/** The URL of database `name` on that server. */
const databaseUrl = (name) => {
  const url = new URL(basePostgresUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

/** The name of the database a URL points to. */
const databaseName = (url) => new URL(url).pathname.slice(1);

/**
 * Runs one statement (CREATE or DROP DATABASE) on the maintenance database. `unreachable` turns a
 * failure to connect into the error thrown (bench.js makes it a reason to skip PostgreSQL).
 */
const onPostgres = async (sql, { connectionTimeoutMillis, unreachable = (error) => error } = {}) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: basePostgresUrl(), connectionTimeoutMillis });
  try {
    await client.connect();
  } catch (error) {
    throw unreachable(error);
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

module.exports = { DEFAULT_POSTGRES_URL, basePostgresUrl, databaseUrl, databaseName, onPostgres };
