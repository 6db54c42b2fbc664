import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The alert on dead-letter queues (deploy/prometheus) is checked and unit-tested with Prometheus's
 * own promtool (Debian's `prometheus` package, which .ci/run installs): it fires for a non-empty
 * dead-letter queue after a minute, and not for an ordinary queue or an emptied one.
 */
describe('the dead-letter alert', () => {
  const dir = join(__dirname, '..', 'deploy', 'prometheus');

  it('is valid and passes its rule tests in promtool', () => {
    const run = (...args: string[]) => execFileSync('promtool', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    expect(run('check', 'rules', 'accessdesk-alerts.yml')).toContain('SUCCESS: 1 rules found');
    expect(run('test', 'rules', 'accessdesk-alerts.test.yml')).toContain('SUCCESS');
  });
});
