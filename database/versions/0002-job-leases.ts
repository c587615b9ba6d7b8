/** `job_leases`: one row per scheduled job, the lease that lets one instance at a time run it (src/jobs/job-lease.ts). */
import type { SchemaVersion } from './types';

const version: SchemaVersion = {
  version: 2,
  name: 'job-leases',
  async up({ knex }) {
    if (await knex.schema.hasTable('job_leases')) return;
    await knex.schema.createTable('job_leases', (table) => {
      table.string('job', 60).primary();
      table.bigInteger('leased_until').notNullable();
    });
  },
};

export default version;
