import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAuthConfig } from './trusted-issuers';

const CONFIG_DIR = join(__dirname, '../../../../config');

describe('the auth configurations in config/', () => {
  const files = readdirSync(CONFIG_DIR).filter((f) => /^auth\..+\.json$/.test(f));

  it.each(files)('%s is one the gateway starts with', (file) => {
    expect(loadAuthConfig(join(CONFIG_DIR, file)).issuers.length).toBeGreaterThan(0);
  });

  it("docker-compose.yml's trusts the same issuers as `npm start`'s, the development provider's keys fetched by service name", () => {
    const development = loadAuthConfig(join(CONFIG_DIR, 'auth.development.json'));
    const compose = loadAuthConfig(join(CONFIG_DIR, 'auth.compose.json'));
    expect(compose.issuers.map((i) => [i.issuer, i.audience])).toEqual(development.issuers.map((i) => [i.issuer, i.audience]));
    expect(compose.issuers.find((i) => i.issuer === 'http://127.0.0.1:4000/oidc')?.jwksUrl).toBe('http://simulators:4000/oidc/jwks');
  });
});
