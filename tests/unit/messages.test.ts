import { MESSAGES, message } from '../../src/domain/messages';
import { acceptedLanguage, englishText, messageText, readerLanguage } from '../../src/domain/message-text';

const placeholders = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
/** Latin words a Chinese text may carry: formats, standards and what a client sends literally (field and parameter names). */
const LITERAL = new Set([
  ...['YYYY', 'MM', 'DD', 'ISO', 'T09', 'SHA'],
  ...['documentId', 'subjectId', 'id', 'receivable', 'amount', 'allocate', 'false', 'true'],
]);

describe('the message catalogue', () => {
  it('says every message in both languages: no code without an English and a Chinese text', () => {
    for (const [code, entry] of Object.entries(MESSAGES)) {
      expect(`${code}: ${entry.en.trim() !== ''} ${entry.zh.trim() !== ''}`).toBe(`${code}: true true`);
      // a Chinese text is Chinese, not the English one copied (a text of placeholders and symbols only may be both)
      if (/[A-Za-z]{2,}/.test(entry.en.replace(/\{\w+\}/g, ''))) expect(`${code}: ${entry.zh}`).not.toBe(`${code}: ${entry.en}`);
    }
  });

  it('says every message in both languages with the same named parameters', () => {
    for (const [code, entry] of Object.entries(MESSAGES)) {
      expect(`${code}: ${placeholders(entry.zh).join(',')}`).toBe(`${code}: ${placeholders(entry.en).join(',')}`);
    }
  });

  it('has no English words in the Chinese texts', () => {
    for (const [code, entry] of Object.entries(MESSAGES)) {
      const words = (entry.zh.replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((word) => !LITERAL.has(word));
      expect(`${code}: ${words.join(' ')}`).toBe(`${code}: `);
    }
  });

  it('names states, actions and roles in the words of the admin panel; English keeps the codes', () => {
    const refused = message('workflow.wrong_state', { action: 'submit', subject: 'contract', state: 'in_review', allowed: [] });
    expect(englishText(refused)).toBe('cannot submit a contract in state in_review; allowed now: none');
    expect(messageText(refused, 'zh-Hans', { subject: () => ({ en: 'Contract', zh: '销售合同' }) })).toBe(
      '销售合同处于“评审中”状态，不能执行“提交评审”；当前可执行：无'
    );
    const roles = message('workflow.role_forbidden', { roles: ['cs-supervisor', 'planner'], action: 'review', subject: 'contract' });
    expect(messageText(roles, 'zh-Hans')).toBe('只有客服主管、计划专员可以对contract执行“评审”');
  });

  it('reads the language from the profile first, then Accept-Language; Chinese only for zh, zh-CN and zh-Hans', () => {
    expect(acceptedLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-Hans');
    expect(acceptedLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(acceptedLanguage('en;q=0.5, zh-Hans')).toBe('zh-Hans');
    expect(acceptedLanguage('zh')).toBe('zh-Hans');
    expect(acceptedLanguage('zh-TW')).toBe('en');
    expect(acceptedLanguage(undefined)).toBe('en');
    expect(readerLanguage('en', 'zh-CN')).toBe('en');
    expect(readerLanguage('zh-Hans', 'en')).toBe('zh-Hans');
    expect(readerLanguage(null, 'zh-CN')).toBe('zh-Hans');
  });
});
