import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTarget, type FakeTarget } from '../testing/fake-target.js';
import { scrapeTarget } from './scrape-target.js';
import { targetOf } from './targets.js';

describe('scrapeTarget', () => {
  let fake: FakeTarget | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('reads the samples of a target that answers', async () => {
    fake = await startFakeTarget('legocity_broker_entities{tenant="default",type="Vehicle"} 3\n');
    const result = await scrapeTarget(targetOf('broker', fake.url), { timeoutMs: 2_000 });
    expect(result).toEqual({
      ok: true,
      samples: [
        {
          labels: { __name__: 'legocity_broker_entities', tenant: 'default', type: 'Vehicle' },
          value: 3,
        },
      ],
    });
  });

  it('fails with the status when /metrics does not answer 200', async () => {
    fake = await startFakeTarget();
    fake.setStatus(503);
    expect(await scrapeTarget(targetOf('broker', fake.url), { timeoutMs: 2_000 })).toEqual({
      ok: false,
      error: '/metrics answered HTTP 503',
    });
  });

  it('fails with a short reason when nothing listens', async () => {
    fake = await startFakeTarget();
    const { url } = fake;
    await fake.close();
    fake = undefined;
    expect(await scrapeTarget(targetOf('broker', url), { timeoutMs: 2_000 })).toEqual({
      ok: false,
      error: 'connection refused (is the component running?)',
    });
  });

  it('fails when the text is not the Prometheus format', async () => {
    fake = await startFakeTarget('<html>login</html>');
    const result = await scrapeTarget(targetOf('broker', fake.url), { timeoutMs: 2_000 });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/line 1/) as string });
  });
});

describe('targetOf', () => {
  it('labels a component as Prometheus would, with the default port when none is given', () => {
    expect(targetOf('dashboard', 'https://city.example.org')).toEqual({
      name: 'dashboard',
      url: 'https://city.example.org',
      job: 'legocity-dashboard',
      instance: 'city.example.org:443',
    });
  });
});
