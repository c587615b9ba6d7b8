/**
 * The compiled-permission cache (src/platform/ability-cache.ts) is kept per Strapi instance: the
 * tests boot many instances in one process, and the first one's patch used to stop every later
 * instance from getting its own. Two permission engines stand in for two instances here (two live
 * Strapi instances cannot share a process); tests/integration/access.test.ts checks the real one.
 */
import type { Core } from '@strapi/strapi';
import { compileAbilitiesEveryTime, reuseCompiledAbilities } from '../../src/platform/ability-cache';

const instance = () => {
  let compiled = 0;
  const engine = { generateAbility: async (permissions: unknown[]) => ({ permissions, compilation: ++compiled }) };
  const strapi = { contentAPI: { permissions: { engine } } } as unknown as Core.Strapi;
  return { strapi, engine, compilations: () => compiled };
};

describe('compiled abilities', () => {
  it('are reused per permission list in each instance of the process, and can be switched off per instance', async () => {
    const [one, two] = [instance(), instance()];
    reuseCompiledAbilities(one.strapi);
    reuseCompiledAbilities(two.strapi);
    reuseCompiledAbilities(two.strapi); // a second call changes nothing
    for (const { engine } of [one, two]) {
      const list = () => [{ action: 'api::product.product.find' }];
      expect(await engine.generateAbility(list())).toBe(await engine.generateAbility(list()));
      await engine.generateAbility([{ action: 'api::customer.customer.find' }]);
    }
    expect([one.compilations(), two.compilations()]).toEqual([2, 2]);

    compileAbilitiesEveryTime(two.strapi);
    await two.engine.generateAbility([{ action: 'api::product.product.find' }]);
    await one.engine.generateAbility([{ action: 'api::product.product.find' }]);
    expect([one.compilations(), two.compilations()]).toEqual([2, 3]);
  });
});
