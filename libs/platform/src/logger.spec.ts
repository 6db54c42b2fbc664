import { redactIdentityNumbers } from './logger';

describe('redactIdentityNumbers', () => {
  it('removes personnummer in every written form and keeps other numbers', () => {
    const text = 'a 198112189876 b 19811218-9876 c 811218-9876 d 811218+9876 e case VGR-2026-000123 f 12345';
    expect(redactIdentityNumbers(text)).toBe(
      'a [personnummer] b [personnummer] c [personnummer] d [personnummer] e case VGR-2026-000123 f 12345',
    );
  });
});
