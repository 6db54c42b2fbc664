import { ConfigError, loadConfig } from '@accessdesk/platform';
import { ConsoleConfig, assertProductionReady } from './console.config';

describe('ConsoleConfig', () => {
  it('has the defaults of `npm start` on this machine', () => {
    const config = loadConfig(ConsoleConfig, {});
    expect(config).toMatchObject({ HTTP_PORT: 3007, OIDC_ISSUER: 'http://127.0.0.1:4000/oidc', SESSION_IDLE_TIMEOUT_MIN: 15, GATEWAY_URL: 'http://127.0.0.1:3000' });
    expect(() => assertProductionReady(config)).not.toThrow();
  });

  it('names a bad value', () => {
    expect(() => loadConfig(ConsoleConfig, { SESSION_IDLE_TIMEOUT_MIN: '0', OIDC_ISSUER: 'idp' })).toThrow(
      /OIDC_ISSUER must be an http\(s\) URL[\s\S]*SESSION_IDLE_TIMEOUT_MIN must be at least 1/,
    );
  });

  it('refuses plain http and the development client secret in production', () => {
    const config = loadConfig(ConsoleConfig, { NODE_ENV: 'production' });
    expect(() => assertProductionReady(config)).toThrow(ConfigError);
    expect(() => assertProductionReady(config)).toThrow(/CONSOLE_PUBLIC_URL must be https[\s\S]*OIDC_ISSUER must be https[\s\S]*OIDC_CLIENT_SECRET/);
    const ready = loadConfig(ConsoleConfig, {
      NODE_ENV: 'production',
      CONSOLE_PUBLIC_URL: 'https://konsol.region.example',
      OIDC_ISSUER: 'https://idp.region.example/realms/vard',
      OIDC_CLIENT_SECRET: 'a-secret-from-the-provider',
    });
    expect(() => assertProductionReady(ready)).not.toThrow();
  });
});
