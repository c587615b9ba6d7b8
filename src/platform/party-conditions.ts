/**
 * The conditions on a table's customer, region and salesperson columns (`customer_id`, `region`,
 * `salesperson_id`, under `alias`), as the dashboard's and the aging's filters give them: `where`
 * to AND together, their `bindings`, and `sql` (each as ` AND …`). A filter left undefined adds
 * nothing.
 */
export interface PartyFilters {
  customerId?: number;
  region?: string;
  salespersonId?: number;
}

export const partyConditions = ({ customerId, region, salespersonId }: PartyFilters, alias: string) => {
  const where: string[] = [];
  const bindings: (string | number)[] = [];
  const add = (column: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(`${alias}.${column} = ?`);
    bindings.push(value);
  };
  add('customer_id', customerId);
  add('region', region);
  add('salesperson_id', salespersonId);
  return { where, bindings, sql: where.map((condition) => ` AND ${condition}`).join('') };
};
