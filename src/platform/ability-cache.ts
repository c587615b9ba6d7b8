/**
 * Users & Permissions compiles the caller's permissions into an ability on every REST request, so
 * its cost grew with the size of the caller's role (77 permissions for the CS supervisor). The
 * compiled ability depends on nothing but the permission list, so it is kept per list: the
 * permissions are still read from the database on every request (a role changed in the admin panel,
 * or by another instance, takes effect at the next request), only their compilation is reused.
 */
import type { Core } from '@strapi/strapi';

/** Enough for every role and the public role several times over; a list not seen for long is dropped first. */
const MAX_ENTRIES = 64;

type Engine = { generateAbility: (permissions: unknown[], options?: Record<string, unknown>) => Promise<unknown> };

/** Per engine (one per Strapi instance: tests boot many in one process), how to undo the reuse. */
const restorers = new WeakMap<Engine, () => void>();

const engineOf = (strapi: Core.Strapi) => strapi.contentAPI.permissions.engine as unknown as Engine;

export const reuseCompiledAbilities = (strapi: Core.Strapi): void => {
  const engine = engineOf(strapi);
  if (restorers.has(engine)) return;
  const original = engine.generateAbility;
  restorers.set(engine, () => {
    engine.generateAbility = original;
    restorers.delete(engine);
  });
  const compile = original.bind(engine);
  const compiled = new Map<string, Promise<unknown>>();
  engine.generateAbility = (permissions, options) => {
    // Options (a user for conditions) make an ability personal: compile those as before.
    if (options && Object.keys(options).length > 0) return compile(permissions, options);
    const key = JSON.stringify(permissions);
    let ability = compiled.get(key);
    if (ability) compiled.delete(key);
    else {
      ability = compile(permissions);
      ability.catch(() => compiled.delete(key));
    }
    compiled.set(key, ability);
    if (compiled.size > MAX_ENTRIES) compiled.delete(compiled.keys().next().value!);
    return ability;
  };
};

/** Back to compiling on every request: the benchmark's baseline (`npm run bench -- rest`). */
export const compileAbilitiesEveryTime = (strapi: Core.Strapi): void => restorers.get(engineOf(strapi))?.();
