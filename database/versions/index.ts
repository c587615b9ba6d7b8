/**
 * Every schema version, in the order they are applied (src/platform/schema-versions.ts applies the
 * missing ones at bootstrap). To add one: a new file `NNNN-name.ts` with the next number, listed
 * at the end here; see database/README.md.
 */
import numberSequences from './0001-number-sequences';
import jobLeases from './0002-job-leases';
import dunningLog from './0003-dunning-log';
import workflowIndexes from './0004-workflow-indexes';
import salesRollUp from './0005-sales-roll-up';
import receivablesRollUp from './0006-receivables-roll-up';
import agingSnapshots from './0007-aging-snapshots';
import customerSearchIndex from './0008-customer-search-index';
import lateOrderMailLog from './0009-late-order-mail-log';
import workListIndexes from './0010-work-list-indexes';
import readIndexes from './0011-read-indexes';
import coveringIndexes from './0012-covering-indexes';
import type { SchemaVersion } from './types';

export type { RollUp, SchemaVersion, VersionContext } from './types';

export const VERSIONS: SchemaVersion[] = [
  numberSequences,
  jobLeases,
  dunningLog,
  workflowIndexes,
  salesRollUp,
  receivablesRollUp,
  agingSnapshots,
  customerSearchIndex,
  lateOrderMailLog,
  workListIndexes,
  readIndexes,
  coveringIndexes,
];
