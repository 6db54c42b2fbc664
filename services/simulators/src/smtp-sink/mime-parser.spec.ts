import MailComposer from 'nodemailer/lib/mail-composer';
import Mail from 'nodemailer/lib/mailer';
import { decodeEncodedWords, decodeQuotedPrintable, parseContentType, parseMessage } from './mime-parser';

// nodemailer's own composer builds the raw messages in memory, so these are the bytes our
// notification service will send, without any network.
function compose(mail: Mail.Options): Promise<Buffer> {
  return new MailComposer(mail).compile().build();
}

const crlf = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'utf8');

describe('mime parser', () => {
  it('decodes a quoted-printable text/plain body with Swedish characters', async () => {
    const raw = await compose({ from: 'ksd@vgr.example', to: 'chef@vgr.example', subject: 'Hej', text: 'Åtgärden är utförd.\nMed vänlig hälsning' });
    const parsed = parseMessage(raw);
    expect(parsed.text).toBe('Åtgärden är utförd.\nMed vänlig hälsning');
    expect(parsed.html).toBeUndefined();
    expect(parsed.headers['content-transfer-encoding']).toBe('quoted-printable');
  });

  it('takes the text/plain and text/html parts of a multipart message and decodes a long folded subject', async () => {
    const subject = 'Spärren är verkställd för ärende VGR 2026-0001 – återkoppling följer här med en väldigt lång ämnesrad';
    const raw = await compose({
      from: 'KSD <ksd@vgr.example>',
      to: 'chef@vgr.example',
      subject,
      text: 'Hej Örjan!\nÅtgärden är utförd.',
      html: '<p>Hej Örjan! Åtgärden är utförd.</p>',
      attachments: [{ filename: 'kvitto.txt', content: 'inte brödtext' }],
    });
    const parsed = parseMessage(raw);
    expect(parsed.subject).toBe(subject);
    expect(parsed.text).toBe('Hej Örjan!\nÅtgärden är utförd.');
    expect(parsed.html).toBe('<p>Hej Örjan! Åtgärden är utförd.</p>');
    expect(parsed.headers['from']).toBe('KSD <ksd@vgr.example>');
    expect(parsed.messageId).toMatch(/^<.+@vgr\.example>$/);
  });

  it('decodes a base64 body in ISO-8859-1', () => {
    const raw = crlf([
      'Subject: =?ISO-8859-1?Q?=C5terkoppling?=',
      'Content-Type: text/plain; charset="iso-8859-1"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('Blockering av vårdnadshavare', 'latin1').toString('base64'),
      '',
    ]);
    const parsed = parseMessage(raw);
    expect(parsed.subject).toBe('Återkoppling');
    expect(parsed.text).toBe('Blockering av vårdnadshavare');
  });

  it('reads a message with no MIME headers as 7bit text and unfolds headers', () => {
    const parsed = parseMessage(crlf(['Subject: a long', '\tsubject', 'X-Case: 1', 'X-Case: 2', '', 'plain body', '']));
    expect(parsed.subject).toBe('a long\tsubject');
    expect(parsed.headers['x-case']).toBe('1, 2');
    expect(parsed.text).toBe('plain body');
  });

  it('decodes encoded-words: B and Q, adjacent words joined, a split multi-byte character', () => {
    expect(decodeEncodedWords('=?UTF-8?B?w4XDpMO2?=')).toBe('Åäö');
    expect(decodeEncodedWords('=?utf-8?q?v=C3=A5rdnadshavare_blockerad?=')).toBe('vårdnadshavare blockerad');
    // "å" is C3 A5; an encoder may put the two bytes in two words.
    expect(decodeEncodedWords('=?UTF-8?Q?p=C3?= \r\n =?UTF-8?Q?=A5?= plain')).toBe('på plain');
    expect(decodeEncodedWords('Re: =?UTF-8?B?w6Vr?= och mer')).toBe('Re: åk och mer');
  });

  it('decodes quoted-printable soft line breaks and escapes', () => {
    expect(decodeQuotedPrintable('a=3Db =\r\nc=C3=A5').toString('utf8')).toBe('a=b cå');
  });

  it('parses Content-Type parameters, quoted or not', () => {
    expect(parseContentType('multipart/mixed; boundary="--a b"; charset=UTF-8')).toEqual({
      type: 'multipart/mixed',
      params: { boundary: '--a b', charset: 'UTF-8' },
    });
    expect(parseContentType(undefined).type).toBe('text/plain');
  });
});
