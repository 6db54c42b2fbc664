import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { CaseConcludedV1, Envelope, FeedbackSentV1, systemActor } from '@accessdesk/contracts';
import { createEnvelope } from '@accessdesk/messaging';
import { ServiceHarness, pollUntil, startServiceUnderTest } from '@accessdesk/testing';
import { AppModule } from './app.module';
import { NotificationConfig } from './notification.config';

/** One retry after 2 s, plus margin. */
const RETRY_DEADLINE_MS = 15_000;
const HEAD_EMAIL = 'verksamhetschef@vc-aby.example.se';

interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) back to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

/** Just enough MIME for the single-part plain-text e-mails nodemailer writes. */
function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'quoted-printable') {
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  return { to, subject: decodeWords(headers.get('subject') ?? ''), messageId: headers.get('message-id') ?? '', text: body.replace(/\r\n/g, '\n') };
}

/** A mail server that keeps what it receives and can refuse the next recipients with a transient 451. */
class FakeMailServer {
  readonly mails: ReceivedMail[] = [];
  refuseNext = 0;
  readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo: (_address, _session, callback) => {
      if (this.refuseNext > 0) {
        this.refuseNext -= 1;
        return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.mails.push(parseMail(Buffer.concat(chunks).toString('latin1'), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }
}

function concluded(overrides: Partial<CaseConcludedV1> = {}): CaseConcludedV1 {
  return {
    caseId: randomUUID(),
    registryNumber: 'VGR-2026-000007',
    caseType: 'LOGIN_LOCK',
    outcome: 'EXECUTED',
    concludedAt: '2026-11-20T09:05:00.000Z',
    requestingUnit: { hsaId: 'SE2321000131-E000000000001', name: 'Vårdcentralen Åby', headEmail: HEAD_EMAIL },
    decidedByHsaId: 'SE2321000131-E000000000011',
    effects: ['Invånaren kan inte logga in på 1177 e-tjänster.'],
    advice: ['Låsningen ska omprövas efter tre månader av begärande vårdpersonal.'],
    ...overrides,
  };
}

function envelopeOf(payload: CaseConcludedV1): Envelope<CaseConcludedV1> {
  return createEnvelope(CaseConcludedV1, payload, {
    correlationId: payload.caseId,
    causationId: payload.caseId,
    region: 'VGR',
    actor: systemActor('intake', 'VGR'),
  });
}

describe('notification against the real broker and database', () => {
  const mailServer = new FakeMailServer();
  let harness: ServiceHarness;

  beforeAll(async () => {
    await new Promise<void>((resolve) => mailServer.server.listen(0, '127.0.0.1', resolve));
    // The driver stands in for intake: it concludes cases and listens for the feedback being sent.
    harness = await startServiceUnderTest({
      appModule: AppModule.forRoot,
      configClass: NotificationConfig,
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailServer.port) },
      observe: [FeedbackSentV1],
    });
  });

  afterAll(async () => {
    await harness?.close();
    await new Promise<void>((resolve) => mailServer.server.close(() => resolve()));
  });

  function sentFor(caseId: string): Envelope<FeedbackSentV1>[] {
    return harness.observedOf(FeedbackSentV1, (s) => s.payload.caseId === caseId);
  }

  async function nothingPending(): Promise<void> {
    await pollUntil(async () => {
      const [{ n }] = await harness.dataSource.query(`SELECT count(*)::int AS n FROM notification.notifications WHERE status = 'PENDING'`);
      return n === 0;
    }, { what: 'no pending e-mails' });
  }

  it('sends the Swedish feedback e-mail to the unit head once, and reports it once, however often the case is concluded', async () => {
    const payload = concluded();
    const envelope = envelopeOf(payload);
    await harness.publish(envelope);

    const [reported] = await pollUntil(() => (sentFor(payload.caseId).length > 0 ? sentFor(payload.caseId) : undefined), {
      what: 'notification.feedback.sent.v1',
    });
    expect(reported).toMatchObject({ correlationId: payload.caseId, causationId: envelope.id, region: 'VGR', actor: { sub: 'system:notification' } });
    expect(reported.payload).toMatchObject({ caseId: payload.caseId, recipients: 1 });

    const mails = mailServer.mails.filter((m) => m.messageId === `<${reported.payload.notificationId}@accessdesk.se>`);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.to).toEqual([HEAD_EMAIL]);
    expect(mail.subject).toBe('Återkoppling: låsning av inloggning på 1177 verkställd – VGR-2026-000007');
    expect(mail.text).toContain('Hej Vårdcentralen Åby,');
    expect(mail.text).toContain('verkställd 2026-11-20 kl. 10:05');
    expect(mail.text).toContain('• Invånaren kan inte logga in på 1177 e-tjänster.');
    expect(mail.text).toContain('Låsningen ska omprövas efter tre månader');
    expect(mail.text).not.toMatch(/\d{12}/);

    // The same event again (a relay that published twice) and the same case concluded in a new message.
    await harness.publishAgain(envelope);
    const again = envelopeOf(payload);
    await harness.publish(again);
    await harness.handled(again);
    await nothingPending();
    const [{ published }] = await harness.dataSource.query(
      `SELECT count(*)::int AS published FROM notification.outbox WHERE routing_key = $1 AND envelope->'payload'->>'caseId' = $2`,
      [FeedbackSentV1.type, payload.caseId],
    );
    expect(published).toBe(1);
    expect(mailServer.mails.filter((m) => m.subject.endsWith('VGR-2026-000007'))).toHaveLength(1);
    expect(sentFor(payload.caseId)).toHaveLength(1);
    const [row] = await harness.dataSource.query(`SELECT status, attempts, message_id FROM notification.notifications WHERE case_id = $1`, [payload.caseId]);
    expect(row).toEqual({ status: 'SENT', attempts: 1, message_id: mail.messageId });
  });

  it('tells the unit that a resident without a 1177 account could not be locked, after a mail server that asked to try again', async () => {
    mailServer.refuseNext = 1;
    const payload = concluded({ registryNumber: 'VGR-2026-000008', outcome: 'NOT_APPLICABLE', effects: [], advice: [] });
    await harness.publish(envelopeOf(payload));

    await pollUntil(() => sentFor(payload.caseId)[0], { what: 'notification.feedback.sent.v1', timeoutMs: RETRY_DEADLINE_MS });
    const mails = mailServer.mails.filter((m) => m.subject.endsWith('VGR-2026-000008'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Återkoppling: låsning av inloggning på 1177 ej aktuell – invånaren saknar konto på 1177 – VGR-2026-000008');
    const [row] = await harness.dataSource.query(`SELECT status, attempts FROM notification.notifications WHERE case_id = $1`, [payload.caseId]);
    expect(row).toEqual({ status: 'SENT', attempts: 2 });
  });

  it('sends nothing for a FAILED case', async () => {
    const payload = concluded({ outcome: 'FAILED', effects: [], advice: [] });
    const envelope = envelopeOf(payload);
    await harness.publish(envelope);
    await harness.handled(envelope);
    const rows = await harness.dataSource.query(`SELECT 1 FROM notification.notifications WHERE case_id = $1`, [payload.caseId]);
    expect(rows).toHaveLength(0);
  });
});
