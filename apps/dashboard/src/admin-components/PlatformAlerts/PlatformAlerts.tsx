'use client';
import { useConfig } from '@payloadcms/ui';
import React, { useEffect, useState } from 'react';
import type { PlatformAlerts as Answer } from '../../platform-alerts/fetch-platform-alerts.js';

const REFRESH_MS = 30_000;

const panel: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '0.75rem 1rem',
  marginBottom: '1.5rem',
};
const colour = { critical: 'var(--theme-error-500)', warning: 'var(--theme-warning-500)' };

/**
 * The admin dashboard's "Platform alerts" panel: pending and firing alerts of the platform's
 * evaluator (through /api/platform/alerts), refreshed every 30 s.
 */
export const PlatformAlerts: React.FC = () => {
  const { config } = useConfig();
  const url = `${config.serverURL ?? ''}${config.routes.api}/platform/alerts`;
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  useEffect(() => {
    let isActive = true;
    const load = () =>
      fetch(url, { credentials: 'include' })
        .then((response) => response.json() as Promise<Answer>)
        .then((body) => isActive && setAnswer(body))
        .catch(() => isActive && setAnswer({ ok: false, error: 'the CMS did not answer' }));
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      isActive = false;
      clearInterval(timer);
    };
  }, [url]);
  return (
    <section style={panel} aria-labelledby="platform-alerts-title" data-testid="platform-alerts">
      <h2 id="platform-alerts-title" style={{ margin: '0 0 0.5rem', fontSize: '1.1rem' }}>
        Platform alerts
      </h2>
      {answer === undefined ? (
        <p>Loading…</p>
      ) : !answer.ok ? (
        <p role="status">
          Alerts unknown: {answer.error}. Run `npx legocity doctor` on the server.
        </p>
      ) : answer.alerts.length === 0 ? (
        <p role="status">No alert is firing.</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {answer.alerts.map((alert) => (
            <li key={`${alert.name}-${alert.activeSince}`} data-severity={alert.severity}>
              <strong style={{ color: colour[alert.severity as keyof typeof colour] ?? 'inherit' }}>
                {alert.state === 'firing' ? 'Firing' : 'Pending'} · {alert.severity}
              </strong>{' '}
              {alert.summary}{' '}
              <small>
                (since {alert.activeSince}; runbook {alert.runbook})
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
