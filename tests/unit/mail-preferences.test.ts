import {
  changedPreferences,
  DEFAULT_MAIL_PREFERENCES,
  goesToDigest,
  mailKindOf,
  preferencesOf,
  TEMPLATE_KINDS,
  wantsDigest,
} from '../../src/domain/mail-preferences';
import { messageText } from '../../src/domain/message-text';
import { TEMPLATE_READERS } from '../../src/domain/notification-templates';

describe('staff mail preferences', () => {
  it('give every staff template a kind and no customer template one: customer mails are never digested', () => {
    for (const [template, reader] of Object.entries(TEMPLATE_READERS)) {
      if (reader === 'customer') expect([template, mailKindOf(template)]).toEqual([template, null]);
      else expect(Object.hasOwn(TEMPLATE_KINDS, template)).toBe(true);
    }
    // Reports that already sum up many records, and the digest itself, always go at once.
    expect(['order.late-digest', 'collection.overdue-report', 'staff.digest'].map(mailKindOf)).toEqual([null, null, null]);
  });

  it('by default send at once what blocks someone and keep for the digest what only informs', () => {
    expect(goesToDigest('contract.submitted', null)).toBe(false); // an opinion awaited
    expect(goesToDigest('complaint.overdue', null)).toBe(false); // an overdue complaint
    expect(goesToDigest('order.problem', null)).toBe(false); // an escalation
    expect(goesToDigest('task.cancelled', null)).toBe(true);
    expect(goesToDigest('customer.credit-hold', null)).toBe(true);
    expect(goesToDigest('complaint.reply', { information: 'digest', action: 'digest' })).toBe(false);
    expect(goesToDigest('contract.submitted', { action: 'digest' })).toBe(true);
  });

  it('complete what is stored with the defaults and ignore what is not a choice', () => {
    expect(preferencesOf(null)).toEqual(DEFAULT_MAIL_PREFERENCES);
    expect(preferencesOf({ action: 'digest', information: 'weekly', gone: 'digest' })).toEqual({
      ...DEFAULT_MAIL_PREFERENCES,
      action: 'digest',
    });
    expect(wantsDigest(null)).toBe(true);
    expect(wantsDigest({ information: 'immediately' })).toBe(false);
  });

  it('change only the kinds sent, and refuse an unknown kind or delivery with every problem named, in both languages', () => {
    expect(changedPreferences({ action: 'digest' }, { deadline: 'digest' })).toEqual({
      preferences: { ...DEFAULT_MAIL_PREFERENCES, action: 'digest', deadline: 'digest' },
      problems: [],
    });
    const refused = changedPreferences(null, { marketing: 'digest', action: 'weekly' });
    expect(refused.preferences).toBeNull();
    expect(refused.problems.map((problem) => [problem.path, problem.said.code])).toEqual([
      [['preferences', 'marketing'], 'mail_preferences.unknown_kind'],
      [['preferences', 'action'], 'mail_preferences.unknown_delivery'],
    ]);
    expect(messageText(refused.problems[0].said, 'en')).toBe(
      'there is no kind of mail "marketing"; the kinds are action, information, deadline, customer-reply'
    );
    expect(messageText(refused.problems[0].said, 'zh-Hans')).toBe(
      '没有“marketing”这种邮件类别；类别有 action、information、deadline、customer-reply'
    );
    expect(changedPreferences(null, 'digest').problems.map((problem) => problem.said.code)).toEqual(['mail_preferences.not_object']);
  });
});
