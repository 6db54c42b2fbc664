import { ConfigError, readSimulatorsConfig } from './simulators.config';

describe('readSimulatorsConfig', () => {
  it('has defaults', () => {
    expect(readSimulatorsConfig({})).toEqual({
      host: '127.0.0.1',
      httpPort: 4000,
      smtpPort: 2525,
      fixturesPath: undefined,
      smtpKeep: 1000,
      staffToolKnobs: { latencyMs: 0, failureRate: 0 },
    });
  });

  it('reads every variable', () => {
    expect(
      readSimulatorsConfig({
        SIMULATOR_HOST: '0.0.0.0',
        SIMULATOR_HTTP_PORT: '0',
        SIMULATOR_SMTP_PORT: '2626',
        SIMULATOR_FIXTURES: 'my.json',
        STAFF_TOOL_LATENCY_MS: '250',
        STAFF_TOOL_FAILURE_RATE: '0.2',
        SIMULATOR_SMTP_KEEP: '20000',
      }),
    ).toEqual({ host: '0.0.0.0', httpPort: 0, smtpPort: 2626, fixturesPath: 'my.json', smtpKeep: 20000, staffToolKnobs: { latencyMs: 250, failureRate: 0.2 } });
  });

  it('names every bad value', () => {
    expect(() => readSimulatorsConfig({ SIMULATOR_HTTP_PORT: 'http', STAFF_TOOL_FAILURE_RATE: '2' })).toThrow(ConfigError);
    expect(() => readSimulatorsConfig({ SIMULATOR_HTTP_PORT: 'http', STAFF_TOOL_FAILURE_RATE: '2' })).toThrow(
      /SIMULATOR_HTTP_PORT must be an integer from 0 to 65535.*STAFF_TOOL_FAILURE_RATE must be a number from 0 to 1/,
    );
  });
});
