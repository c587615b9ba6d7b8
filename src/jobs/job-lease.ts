/**
 * Runs a scheduled job on one instance at a time, on PostgreSQL and SQLite alike: the job takes a
 * lease — one row per job, claimed by a conditional UPDATE that only one instance can win — and
 * gives it back when done. A lease that an instance never gave back (it crashed) runs out.
 */
import type { Core } from '@strapi/strapi';

export const LEASE_TABLE = 'job_leases';

/** Runs `work` if this instance wins the lease; resolves to its result, or null when another instance holds it. */
export const withJobLease = async <T>(
  strapi: Core.Strapi,
  job: string,
  leaseMs: number,
  work: () => Promise<T>,
  now = Date.now()
): Promise<T | null> => {
  const knex = strapi.db.connection;
  await knex(LEASE_TABLE).insert({ job, leased_until: 0 }).onConflict('job').ignore();
  const won = await knex(LEASE_TABLE)
    .where({ job })
    .andWhere('leased_until', '<', now)
    .update({ leased_until: now + leaseMs });
  if (!won) return null;
  try {
    return await work();
  } finally {
    await knex(LEASE_TABLE).where({ job }).update({ leased_until: 0 });
  }
};
