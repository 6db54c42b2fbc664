import { DEV_CONSOLE_CLIENT, readDevOidcConfig } from './dev-oidc.config';

describe('readDevOidcConfig', () => {
  it('defaults to an issuer under the simulators and the console of `npm start`', () => {
    expect(readDevOidcConfig({}, 4000, '/repo')).toEqual({
      issuer: 'http://127.0.0.1:4000/oidc',
      client: DEV_CONSOLE_CLIENT,
      keysDir: '/repo/.dev-keys',
    });
  });

  it('takes the console client and issuer from the environment, and can be switched off', () => {
    const config = readDevOidcConfig(
      { OIDC_ISSUER: 'http://127.0.0.1:14000/oidc/', OIDC_CONSOLE_REDIRECT_URI: 'http://127.0.0.1:14007/auth/callback', DEV_KEYS_DIR: '/tmp/k' },
      14000,
      '/repo',
    );
    expect(config).toMatchObject({ issuer: 'http://127.0.0.1:14000/oidc', client: { redirectUri: 'http://127.0.0.1:14007/auth/callback' }, keysDir: '/tmp/k' });
    expect(readDevOidcConfig({ SIMULATOR_OIDC: 'false' }, 4000)).toBeNull();
    expect(() => readDevOidcConfig({ OIDC_ISSUER: 'not a url' }, 4000)).toThrow(/OIDC_ISSUER must be an http\(s\) URL/);
  });
});
