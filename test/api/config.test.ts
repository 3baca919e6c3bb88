import { expect } from 'chai';
import { loadConfig } from '../../api/config.js';

describe('API: configuration', () => {
  it('should default to port 3000, an embedded database and a random session secret it says it made', () => {
    // when
    const config = loadConfig({});
    // then
    expect(config.port).to.equal(3000);
    expect(config.databaseUrl).to.equal(undefined);
    expect(config.sessionSecret).to.have.length(64);
    expect(config.sessionSecretGenerated).to.equal(true);
    expect(loadConfig({}).sessionSecret, 'random per start').to.not.equal(config.sessionSecret);
  });

  it('should read the environment, treating empty variables as unset', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: '', SESSION_SECRET: 'a secret of some length', LOG_LEVEL: 'debug' });
    expect(config).to.include({ port: 8080, databaseUrl: undefined, sessionSecret: 'a secret of some length', sessionSecretGenerated: false, logLevel: 'debug' });
  });

  it('should refuse invalid values, naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', SESSION_SECRET: 'short' })).to.throw(/PORT[\s\S]*SESSION_SECRET|PORT[\s\S]*LOG_LEVEL/);
  });
});
