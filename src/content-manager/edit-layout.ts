/**
 * The edit form of a record, compact: what staff type first, as Strapi laid it out or as the type
 * arranges its rows; what the server writes after it, small (a third of a row where the field allows
 * it); and without the fields that are secret or that the side panels show better (deadline,
 * measures, credit at submission).
 */
export interface LayoutField {
  name: string;
  size: number;
}
export type EditRows = LayoutField[][];

const ROW = 12;
/** A server-owned field that may be resized takes a third of a row. */
const SMALL = 4;

export interface FieldShape {
  /** Whether Strapi lets the field take another width (not a component, JSON or rich text). */
  resizable: boolean;
}

export const compactEditLayout = (
  rows: EditRows,
  {
    hidden,
    serverOwned,
    shapeOf,
    arranged = [],
  }: {
    hidden: ReadonlySet<string>;
    serverOwned: ReadonlySet<string>;
    shapeOf: (name: string) => FieldShape;
    /** The type's own rows, first, where Strapi's order would make the form taller than a screen; the fields they leave out follow as above. */
    arranged?: EditRows;
  }
): EditRows => {
  const laidOut = new Set(rows.flat().map((field) => field.name));
  const shown = (name: string) => laidOut.has(name) && !hidden.has(name);
  const own = arranged.map((row) => row.filter((field) => shown(field.name))).filter((row) => row.length > 0);
  const placed = new Set(own.flat().map((field) => field.name));
  const left = (name: string) => shown(name) && !placed.has(name);
  const typed = rows.map((row) => row.filter((field) => left(field.name) && !serverOwned.has(field.name))).filter((row) => row.length > 0);
  const written = rows
    .flat()
    .filter((field) => serverOwned.has(field.name) && left(field.name))
    .map((field) => ({ name: field.name, size: shapeOf(field.name).resizable ? SMALL : field.size }));
  const packed: EditRows = [];
  for (const field of written) {
    const last = packed[packed.length - 1];
    const used = last?.reduce((sum, { size }) => sum + size, 0) ?? ROW;
    if (last && used + field.size <= ROW) last.push(field);
    else packed.push([field]);
  }
  return [...own, ...typed, ...packed];
};
