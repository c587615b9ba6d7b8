/** Asking in Chinese or English, and comparing the two answers of one refusal (tests of src/middlewares/reader-language.ts). */

export const ZH = { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' };
export const EN = { 'Accept-Language': 'en-US,en;q=0.9' };

/** Latin words in a text, less the names and codes the test allows (record numbers, currency, formats). */
export const englishWords = (text: string, allowed: string[] = []) =>
  (text.match(/[A-Za-z][A-Za-z_]*/g) ?? []).filter((word) => !['CNY', 'HT', 'SO', 'C', ...allowed].includes(word));

export interface Answer {
  status: number;
  body: { error: { status: number; name: string; message: string; details: Record<string, unknown> } };
}

/** The same refusal in both languages: same status, name, code and details but the text. */
export const expectSameRefusal = (en: Answer, zh: Answer, code: string) => {
  expect(zh.status).toBe(en.status);
  expect(en.body.error.details.code).toBe(code);
  const { message: enMessage, details: enDetails, ...enRest } = en.body.error;
  const { message: zhMessage, details: zhDetails, ...zhRest } = zh.body.error;
  expect(zhRest).toEqual(enRest);
  const withoutText = (details: Record<string, unknown>) => ({
    ...details,
    ...(Array.isArray(details.errors) ? { errors: details.errors.map(({ message: _m, ...entry }) => entry) } : {}),
  });
  expect(withoutText(zhDetails)).toEqual(withoutText(enDetails));
  expect(zhMessage).not.toBe(enMessage);
};
