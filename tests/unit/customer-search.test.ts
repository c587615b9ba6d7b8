/** What a customer is searched by, and how a typed term is looked for (src/domain/customer-search.ts). */
import { customerSearchText, searchTermOf } from '../../src/domain/customer-search';

describe('customerSearchText', () => {
  it('keeps code, names and each contact lowercased, one per line, a phone also by its digits', () => {
    const text = customerSearchText({
      code: 'SH-2024-001',
      name: '柳州正大机械有限公司',
      shortName: ' 正大机械 ',
      contacts: [
        { name: '覃建国', phone: '0772-123 4567', email: 'Qin@Example.com' },
        { name: 'Li Wei', phone: '13807719876', email: null },
      ],
    });
    expect(text.split('\n')).toEqual([
      'sh-2024-001',
      '2024001',
      '柳州正大机械有限公司',
      '正大机械',
      '覃建国',
      'qin@example.com',
      '0772-123 4567',
      '07721234567',
      'li wei',
      '13807719876',
    ]);
  });

  it('adds no digits-only form that is in the value already, and leaves out empty values', () => {
    expect(customerSearchText({ code: 'C-000123', name: 'Acme', shortName: '', contacts: [{ name: 'Bo', phone: ' ' }] })).toBe(
      'c-000123\nacme\nbo'
    );
    expect(customerSearchText({ name: 'Solo' })).toBe('solo');
  });
});

describe('searchTermOf', () => {
  it.each([
    ['0772-123 4567', '07721234567'],
    ['(0772) 1234', '07721234'],
    ['+86 138 0771', '861380771'],
    ['4567', '4567'],
    ['  LZ-2024 ', 'lz-2024'],
    ['柳州正大', '柳州正大'],
    ['12', '12'],
    ['1-2', '1-2'],
  ])('looks for %j as %j', (term, expected) => {
    expect(searchTermOf(term)).toBe(expected);
  });
});
