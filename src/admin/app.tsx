/** Admin panel customisation: languages offered to staff. */
export default {
  config: {
    locales: ['zh-Hans'],
  },
  bootstrap() {},
};
