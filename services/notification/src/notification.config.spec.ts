import { unencryptedMailProblem } from './notification.config';

describe('notification configuration', () => {
  const local = { SMTP_SECURE: false, SMTP_IGNORE_TLS: true, SMTP_REQUIRE_TLS: false };

  it('R8 (000 §8) refuses an unencrypted mail server connection in production, and only there', () => {
    expect(unencryptedMailProblem(local, 'development')).toBeNull();
    expect(unencryptedMailProblem(local, undefined)).toBeNull();
    expect(unencryptedMailProblem(local, 'production')).toMatch(/must be encrypted/);
    // STARTTLS only when offered is not enough; nor is requiring it while ignoring it.
    expect(unencryptedMailProblem({ ...local, SMTP_IGNORE_TLS: false }, 'production')).not.toBeNull();
    expect(unencryptedMailProblem({ ...local, SMTP_REQUIRE_TLS: true }, 'production')).not.toBeNull();
    expect(unencryptedMailProblem({ ...local, SMTP_IGNORE_TLS: false, SMTP_REQUIRE_TLS: true }, 'production')).toBeNull();
    expect(unencryptedMailProblem({ ...local, SMTP_SECURE: true }, 'production')).toBeNull();
  });
});
