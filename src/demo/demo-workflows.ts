/**
 * The demo records that go through the workflows, after the bulk-loaded ones (demo-data.ts): contracts
 * in every review state, complaints, tasks, then shipping, invoicing, payments and statements. Each is
 * taken through the real workflow engine by the staff whose step it is, so the admin panel shows every
 * state of every workflow with its history. `log` reports each part and how long it took.
 */
import type { Core } from '@strapi/strapi';
import { loadDemoCollection } from './demo-collection';
import { loadDemoComplaints } from './demo-complaints';
import { loadDemoContracts } from './demo-contracts';
import { loadDemoTasks } from './demo-tasks';

export const loadDemoWorkflows = async (strapi: Core.Strapi, log: (message: string) => void = () => undefined): Promise<void> => {
  let started = Date.now();
  const took = () => {
    const ms = Date.now() - started;
    started = Date.now();
    return ms;
  };
  const contracts = await loadDemoContracts(strapi);
  log(`Demo contracts: ${contracts} in ${took()} ms.`);
  await loadDemoComplaints(strapi);
  log(`Demo complaints in ${took()} ms.`);
  log(`Demo tasks: ${await loadDemoTasks(strapi)} in ${took()} ms.`);
  const collection = await loadDemoCollection(strapi);
  log(
    `Demo collection: ${collection.taken} orders taken through the workflows (${collection.shipped} shipped), ${collection.payments} payments, ${collection.paper.shipments} older shipments on paper, ${collection.statements} statements, in ${took()} ms.`
  );
};
