/**
 * Keeping a cube (a table of sums per key) in step with its facts by adding differences, never by
 * deleting and re-inserting cells. A writer reads what its records contributed to the cube before
 * its write and after it, and adds the difference to each cell with one
 * `INSERT … ON CONFLICT DO UPDATE SET sum = sum + excluded.sum`. Two writers of the same cell then
 * queue on the cell's row (PostgreSQL) instead of colliding on its primary key, and each adds its
 * own part: the order in which they commit does not matter. Cells are upserted in key order so
 * two writers touching the same cells cannot deadlock, and a cell whose count falls to 0 (no fact
 * lies in it any more) is deleted, so the cube equals a rebuild from its facts.
 */
import { rowsOf, type Knex } from './roll-up-writes';

/** A value bound to a `?` of a raw query. */
export type Binding = string | number | boolean | Date | null;

export interface Cube {
  table: string;
  /** The primary key's columns. */
  keys: string[];
  /** The summed columns; the last one counts the facts (or orders) in the cell. */
  sums: string[];
  /** SELECT of the cube's columns (keys then sums) summing the facts matching a condition. */
  select: (where: string) => string;
  /** How many times the condition appears in that SELECT (its bindings are repeated as often). */
  conditions: number;
}

const repeated = (cube: Cube, bindings: readonly Binding[]) => Array.from({ length: cube.conditions }, () => bindings).flat();

type Cell = { key: (string | number)[]; sums: bigint[] };
type Contribution = Map<string, Cell>;

const countOf = (cube: Cube) => cube.sums[cube.sums.length - 1];

/** What the facts matching `where` contribute to each cell of the cube. */
export const readContribution = async (knex: Knex, cube: Cube, where: string, bindings: readonly Binding[]): Promise<Contribution> => {
  const rows = rowsOf<Record<string, unknown>>(await knex.raw(cube.select(where), repeated(cube, bindings)));
  const contribution: Contribution = new Map();
  for (const row of rows) {
    const key = cube.keys.map((column) =>
      typeof row[column] === 'number' || typeof row[column] === 'bigint' ? Number(row[column]) : String(row[column])
    );
    contribution.set(JSON.stringify(key), { key, sums: cube.sums.map((column) => BigInt(String(row[column] ?? 0))) });
  }
  return contribution;
};

/** after − before, cell by cell, without the cells that did not move; in key order. */
export const difference = (before: Contribution, after: Contribution) => {
  const cells = new Map<string, Cell>();
  for (const [id, cell] of after) cells.set(id, { key: cell.key, sums: [...cell.sums] });
  for (const [id, cell] of before) {
    const kept = cells.get(id) ?? { key: cell.key, sums: cell.sums.map(() => 0n) };
    kept.sums = kept.sums.map((sum, index) => sum - cell.sums[index]);
    cells.set(id, kept);
  }
  return [...cells.entries()]
    .filter(([, cell]) => cell.sums.some((sum) => sum !== 0n))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, cell]) => cell);
};

/** Adds these differences to the cube's cells (creating missing cells) and deletes the cells left empty. */
export const addDifference = async (knex: Knex, cube: Cube, cells: Cell[]): Promise<void> => {
  const columns = [...cube.keys, ...cube.sums];
  const added = cube.sums.map((column) => `${column} = ${cube.table}.${column} + excluded.${column}`).join(', ');
  for (let start = 0; start < cells.length; start += 500) {
    const chunk = cells.slice(start, start + 500);
    const row = `(${columns.map(() => '?').join(', ')})`;
    await knex.raw(
      `INSERT INTO ${cube.table} (${columns.join(', ')}) VALUES ${chunk.map(() => row).join(', ')}
       ON CONFLICT (${cube.keys.join(', ')}) DO UPDATE SET ${added}`,
      chunk.flatMap((cell) => [...cell.key, ...cell.sums.map(String)])
    );
    const emptied = chunk.filter((cell) => cell.sums[cell.sums.length - 1] < 0n);
    if (emptied.length === 0) continue;
    const match = `(${cube.keys.map((column) => `${column} = ?`).join(' AND ')})`;
    await knex.raw(
      `DELETE FROM ${cube.table} WHERE ${countOf(cube)} <= 0 AND (${emptied.map(() => match).join(' OR ')})`,
      emptied.flatMap((cell) => cell.key)
    );
  }
};

/**
 * Adds the sums of the facts matching `where` to the cube in one statement — for facts no cell
 * counted before (freshly loaded rows, or every fact into an emptied cube).
 */
export const addSelected = async (knex: Knex, cube: Cube, where: string, bindings: readonly Binding[]): Promise<void> => {
  const columns = [...cube.keys, ...cube.sums];
  const added = cube.sums.map((column) => `${column} = ${cube.table}.${column} + excluded.${column}`).join(', ');
  // SELECT * … WHERE 1 = 1 keeps SQLite from reading the upsert's ON as a join's.
  await knex.raw(
    `INSERT INTO ${cube.table} (${columns.join(', ')}) SELECT * FROM (${cube.select(where)}) AS added WHERE 1 = 1
     ON CONFLICT (${cube.keys.join(', ')}) DO UPDATE SET ${added}`,
    repeated(cube, bindings)
  );
};

/**
 * Runs `write` (which rewrites the facts matching `where`) and moves each cube by what those facts
 * contributed after it minus before it.
 */
export const withCubesInStep = async (
  knex: Knex,
  cubes: Cube[],
  where: string,
  bindings: readonly Binding[],
  write: () => Promise<void>
): Promise<void> => {
  const before = [];
  for (const cube of cubes) before.push(await readContribution(knex, cube, where, bindings));
  await write();
  for (const [index, cube] of cubes.entries()) {
    await addDifference(knex, cube, difference(before[index], await readContribution(knex, cube, where, bindings)));
  }
};
